// 名录匹配 the matching job: every register row not yet in the directory is
// compared (through blocking) with the others and with the existing sources of
// the scope; sure matches join, unsure pairs go to the merge queue, and each
// group without a source becomes a new source. Runs outside the request.
import { recordAudit } from '../../audit/index.ts';
import { SYSTEM, scopePrefixOf } from '../../access/index.ts';
import { provinceOf } from '../../../core/db/distribution.ts';
import type { JobContext, JobHandler } from '../../jobs/index.ts';
import { DEFAULT_THRESHOLDS, prepareRecord, type PreparedRecord, type Thresholds } from '../rules/match-score.ts';
import { clusterRecords, groups } from './cluster.ts';
import * as q from './match.sql.ts';
import { survive, type CandidateRow } from './survivorship.ts';

export const MATCH_JOB = 'directory.match';
const READ_BATCH = 20_000;
const WRITE_BATCH = 5_000;

export interface MatchParams {
  regionCode: string;
  /** Who asked, for the audit row (jobs run without a request). */
  actor?: { id: number | null; username: string };
  thresholds?: Thresholds;
}

type Member = { kind: 'row'; row: q.RowToMatch } | { kind: 'source'; source: q.SourceToMatch };

async function readRows(ctx: JobContext<MatchParams>, prefix: string) {
  const rows: q.RowToMatch[] = [];
  let after: [number, number] = [0, 0];
  for (;;) {
    const batch = await q.unlinkedRows(ctx.db, prefix, after, READ_BATCH);
    rows.push(...batch);
    if (batch.length < READ_BATCH) return rows;
    const last = batch[batch.length - 1];
    after = [last.register_id, last.row_number];
    await ctx.progress(rows.length, { message: `reading register rows: ${rows.length}` });
  }
}

export async function runMatch(ctx: JobContext<MatchParams>) {
  const { db } = ctx;
  const thresholds = ctx.params.thresholds ?? DEFAULT_THRESHOLDS;
  const prefix = scopePrefixOf(ctx.params.regionCode);
  // A run that a stop interrupted left partial writes: remove them and start again.
  await q.discardUnfinishedRuns(db, ctx.id);
  const run = await q.startRun(db, ctx.params.regionCode, ctx.id, thresholds);

  const rows = await readRows(ctx, prefix);
  const codes = [...new Set(rows.map((r) => r.credit_code).filter((c): c is string => !!c))];
  const anchors = await q.anchorSources(db, prefix, codes);
  const members: Member[] = [...anchors.map((source) => ({ kind: 'source' as const, source })), ...rows.map((row) => ({ kind: 'row' as const, row }))];
  await ctx.progress(0, { total: rows.length, message: `scoring ${rows.length} rows against ${anchors.length} sources` });

  const prepared: PreparedRecord[] = members.map((m) =>
    m.kind === 'source'
      ? prepareRecord({ key: `s:${m.source.id}`, creditCode: m.source.credit_code, name: m.source.name, address: m.source.address, legalRep: m.source.legal_rep, phone: m.source.phone, regionCode: m.source.region_code, industryCode: m.source.industry_code, lat: m.source.lat, lng: m.source.lng })
      : prepareRecord({ key: `r:${m.row.register_id}:${m.row.row_number}`, creditCode: m.row.credit_code, name: m.row.name, address: m.row.address, legalRep: m.row.legal_rep, phone: m.row.phone, regionCode: m.row.region_code, industryCode: m.row.industry_code }),
  );
  const outcome = clusterRecords(prepared, { thresholds, isAnchor: (i) => members[i].kind === 'source' });

  // Each group: its existing source, or a new one built from its rows.
  const byRoot = groups(outcome.sets, members.length);
  const newIds = await q.reserveSourceIds(db, [...byRoot.values()].filter((g) => g.every((i) => members[i].kind === 'row')).length);
  const sourceOfRoot = new Map<number, number>();
  const regionOfSource = new Map<number, string>(anchors.map((a) => [Number(a.id), a.region_code]));
  const heldCodes = new Set(anchors.map((a) => a.credit_code).filter((c): c is string => !!c));
  const sources: q.NewSource[] = [];
  const links: q.NewLink[] = [];
  let next = 0;
  for (const [root, idx] of byRoot) {
    const anchor = idx.find((i) => members[i].kind === 'source');
    let sourceId: number;
    let groupCredit: string | null = null;
    if (anchor !== undefined) {
      groupCredit = prepared[anchor].creditNorm;
      sourceId = (members[anchor] as { source: q.SourceToMatch }).source.id;
    } else {
      sourceId = newIds[next++];
      const cands: CandidateRow[] = idx.map((i) => {
        const r = (members[i] as { row: q.RowToMatch }).row;
        return {
          registerId: r.register_id, rowNumber: r.row_number, department: r.department, importedAt: new Date(r.imported_at).getTime(),
          regionCode: r.region_code, creditValid: prepared[i].creditValid,
          values: { credit_code: prepared[i].creditNorm, name: r.name, address: r.address, legal_rep: r.legal_rep, phone: r.phone, industry_code: r.industry_code },
        };
      });
      const s = survive(cands);
      // A code an active source already holds (one the scoring kept apart, as a 分公司 listed under
      // its parent's code) is not taken again: one active source per code in the nation. The rows
      // keep it; the pair may be queued for review.
      if (s.values.credit_code && heldCodes.has(s.values.credit_code)) {
        delete s.values.credit_code;
        delete s.origins.credit_code;
      }
      if (s.values.credit_code) heldCodes.add(s.values.credit_code);
      groupCredit = s.values.credit_code ?? null;
      sources.push({
        id: sourceId, region_code: s.regionCode, credit_code: s.values.credit_code ?? null, name: s.values.name ?? cands[0].values.name!,
        address: s.values.address ?? null, legal_rep: s.values.legal_rep ?? null, phone: s.values.phone ?? null,
        industry_code: s.values.industry_code ?? null, category: s.category, field_origins: JSON.stringify(s.origins),
      });
      regionOfSource.set(sourceId, s.regionCode);
    }
    sourceOfRoot.set(root, sourceId);
    for (const i of idx) {
      const m = members[i];
      if (m.kind !== 'row') continue;
      const sameCredit = prepared[i].creditValid && groupCredit === prepared[i].creditNorm;
      links.push({ register_id: m.row.register_id, row_number: m.row.row_number, province_code: provinceOf(m.row.region_code), source_id: sourceId, rule: idx.length === 1 ? 'new' : sameCredit ? 'credit-code' : 'score', score: null });
    }
  }

  const candidates: q.NewCandidate[] = [];
  const seen = new Set<string>();
  // A pair across provinces is not queued: each province's office owns its sources, and a unit held
  // by two provinces is settled between the offices (one deletes its copy as a duplicate).
  let acrossProvinces = 0;
  for (const p of outcome.review) {
    const a = sourceOfRoot.get(outcome.sets.find(p.a))!;
    const b = sourceOfRoot.get(outcome.sets.find(p.b))!;
    if (a === b) continue;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const key = `${lo}:${hi}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // The pair's place is its sources' (a row may lie in another province than the source it joined).
    const [ra, rb] = [regionOfSource.get(lo)!, regionOfSource.get(hi)!];
    const province = provinceOf(ra);
    if (province !== provinceOf(rb)) {
      acrossProvinces++;
      continue;
    }
    const region = [ra, rb].sort((x, y) => x.length - y.length)[0];
    candidates.push({ source_a: lo, source_b: hi, province_code: province, region_code: region, score: p.score, reasons: JSON.stringify(p.reasons) });
  }

  // Merges wait for this job (merge/match-guard.ts), but one that committed just after the rows
  // were read would leave links on a source that is gone: follow it to where it lives now.
  const moved = await q.survivorsOf(db, anchors.map((a) => Number(a.id)));
  if (moved.size) {
    for (const l of links) l.source_id = moved.get(l.source_id) ?? l.source_id;
    for (let i = candidates.length - 1; i >= 0; i--) {
      const c = candidates[i];
      const [a, b] = [moved.get(c.source_a) ?? c.source_a, moved.get(c.source_b) ?? c.source_b];
      if (a === b) candidates.splice(i, 1);
      else [c.source_a, c.source_b] = a < b ? [a, b] : [b, a];
    }
  }

  let written = 0;
  for (let i = 0; i < sources.length; i += WRITE_BATCH) {
    await q.insertSources(db, sources.slice(i, i + WRITE_BATCH), run);
    await ctx.progress(written, { total: rows.length, message: `writing sources ${Math.min(i + WRITE_BATCH, sources.length)}/${sources.length}` });
  }
  for (let i = 0; i < links.length; i += WRITE_BATCH) {
    await q.insertLinks(db, links.slice(i, i + WRITE_BATCH), run);
    written = Math.min(i + WRITE_BATCH, links.length);
    await ctx.progress(written, { total: rows.length, message: 'linking register rows' });
  }
  let queued = 0;
  for (let i = 0; i < candidates.length; i += WRITE_BATCH) queued += await q.insertCandidates(db, candidates.slice(i, i + WRITE_BATCH), run);

  const counts = { rowsRead: rows.length, pairsScored: outcome.pairsScored, rowsLinked: links.length, sourcesCreated: sources.length, queued };
  await db.transaction().execute(async (trx) => {
    await q.finishRun(trx, run, counts);
    const by = ctx.params.actor ?? { id: ctx.createdBy, username: SYSTEM.username };
    await recordAudit(trx, { ...SYSTEM, ...by }, {
      action: 'directory.match', entity: 'match-run', entityId: run, regionCode: ctx.params.regionCode, after: { ...counts, thresholds },
    });
  });
  return { run, ...counts, acrossProvinces, blocks: outcome.blocks, largeBlocks: outcome.largeBlocks };
}

export const matchJob: JobHandler<MatchParams> = { kind: MATCH_JOB, run: runMatch };

