// 分布式部署: where every table lives when the national deployment runs on Citus
// (docs/deploy.md, "National scale"). Three placements:
// - distributed by `province_code`: the tables that grow with the sources; a province's rows sit
//   on one shard group, so a county's or a province's work touches one node;
// - reference: small code and people tables, copied to every node so distributed rows can
//   point at them;
// - coordinator: office and platform tables (sessions, jobs, portal, supervision) kept on the
//   coordinator as Citus local tables: read nationally, never joined to a shard.
// Citus's rules, checked here on the real catalogue (test/integration/distribution.test.ts),
// so a table added later cannot be forgotten: a distributed table carries `province_code`
// NOT NULL in its primary key and every unique key; its foreign keys to other distributed tables
// include `province_code` on both sides (the rows are co-located); a reference table points only
// at reference tables; a coordinator table never at a distributed one; and nothing points from
// a distributed table at a coordinator table.

import { sql, type RawBuilder } from 'kysely';

/** The distribution column's value for a region: its province, `330381` → `330000`. */
export const provinceOf = (regionCode: string): string => `${regionCode.slice(0, 2)}0000`;

/**
 * The rows of a distributed table (`alias`) in a scope given as a region-code prefix. A scope
 * inside one province (a prefix of two digits or more) also names the province, so that on Citus
 * the query goes to that province's shard alone (docs/deploy.md §4); the nation's ('') reads all.
 * `collateC` compares bytewise, for the indexes built `COLLATE "C"`.
 */
export function inScopeOf(alias: string, prefix: string, collateC = false): RawBuilder<boolean> {
  const region = collateC ? sql`${sql.ref(`${alias}.region_code`)} COLLATE "C"` : sql.ref(`${alias}.region_code`);
  const like = sql<boolean>`${region} LIKE ${prefix + '%'}`;
  return prefix.length >= 2 ? sql<boolean>`(${like} AND ${sql.ref(`${alias}.province_code`)} = ${provinceOf(prefix)})` : like;
}
/** The nation's own code: its rows (national settings, national offices) sit on its own shard. */
export const NATION_CODE = '100000';

export type Placement = 'distributed' | 'reference' | 'coordinator';
export const DISTRIBUTION_COLUMN = 'province_code';

export const PLACEMENT: Record<string, Placement> = {
  // the directory: a register's and a match run's own row (one per file, one per run) is copied to
  // every node, since a national register's rows sit in every province (migration 0034)
  sources: 'distributed', source_links: 'distributed', registers: 'reference', register_rows: 'distributed',
  register_errors: 'distributed', match_runs: 'reference', merge_candidates: 'distributed', merge_events: 'distributed',
  register_mappings: 'reference', directory_signoffs: 'reference',
  // the inventory
  inventory_records: 'distributed', inventory_ops: 'distributed', inventory_photos: 'distributed',
  inventory_remarks: 'distributed', inventory_verdicts: 'distributed', work_packages: 'distributed',
  work_package_assignments: 'distributed', inventory_counts: 'distributed', inventory_states: 'reference', inventory_departments: 'reference',
  // the survey and its review
  submissions: 'distributed', submission_revisions: 'distributed', submission_attachments: 'distributed',
  survey_invitations: 'distributed', survey_confirmations: 'distributed', review_steps: 'distributed',
  qc_samples: 'distributed', qc_sample_items: 'distributed', review_levels: 'reference', qc_settings: 'reference',
  phase_acceptances: 'reference',
  // accounting: the figures by province; the totals hold the nation's rows too, so they stay whole
  emissions: 'distributed', accounting_dirty: 'distributed', emission_rollups: 'coordinator',
  coefficients: 'reference', coefficient_versions: 'reference', accounting_settings: 'reference',
  // outfalls and radioactive mines
  outfalls: 'distributed', outfall_steps: 'distributed', outfall_photos: 'distributed', outfall_images: 'distributed',
  outfall_reaches: 'distributed', outfall_counters: 'distributed',
  radio_enterprises: 'distributed', radio_measurements: 'distributed', radio_files: 'distributed', radio_minerals: 'reference',
  // every change's trail grows with the work, by province
  audit_log: 'distributed',
  // organisation and people: pointed at from everywhere (created_by, region_code)
  regions: 'reference', users: 'reference', teams: 'reference', team_members: 'reference', agencies: 'reference',
  census_zones: 'reference', settings: 'reference', census_calendar: 'reference', calendar_deadlines: 'reference',
  phase_dates: 'reference',
  // the platform and the offices' own work
  schema_migrations: 'coordinator', sessions: 'coordinator', rate_limits: 'coordinator', jobs: 'coordinator', notifications: 'coordinator',
  webhook_deliveries: 'coordinator', channels: 'coordinator', channel_members: 'coordinator',
  channel_messages: 'coordinator', channel_webhooks: 'coordinator', supervision_cases: 'coordinator',
  case_events: 'coordinator', supervision_files: 'coordinator', dispatches: 'coordinator', briefings: 'coordinator',
  readiness_reports: 'coordinator',
  portal_articles: 'coordinator', portal_article_revisions: 'coordinator', portal_stories: 'coordinator',
  portal_datasets: 'coordinator', portal_images: 'coordinator', portal_links: 'coordinator', portal_views: 'coordinator',
};

export interface TableShape {
  name: string;
  columns: string[];
  notNull: string[];
  primaryKey: string[];
  uniques: { name: string; columns: string[] }[];
  foreignKeys: { name: string; columns: string[]; ref: string; refColumns: string[] }[];
}
export interface Catalogue { tables: TableShape[] }

export interface Violation { table: string; rule: string; detail: string }

const D = DISTRIBUTION_COLUMN;

/** Every way the schema breaks the placement rules; empty when Citus would take it as it is. */
export function checkPlacement(cat: Catalogue, placement: Record<string, Placement> = PLACEMENT): Violation[] {
  const out: Violation[] = [];
  const names = new Set(cat.tables.map((t) => t.name));
  for (const t of cat.tables) if (!placement[t.name]) out.push({ table: t.name, rule: 'unplaced', detail: 'no placement: add it to PLACEMENT in src/core/db/distribution.ts' });
  for (const name of Object.keys(placement)) if (!names.has(name)) out.push({ table: name, rule: 'missing', detail: 'placed but not in the schema' });
  for (const t of cat.tables) {
    const place = placement[t.name];
    if (place === 'distributed') {
      if (!t.columns.includes(D)) out.push({ table: t.name, rule: 'no-column', detail: `no ${D} column` });
      else if (!t.notNull.includes(D)) out.push({ table: t.name, rule: 'nullable', detail: `${D} may be null` });
      if (!t.primaryKey.includes(D)) out.push({ table: t.name, rule: 'primary-key', detail: `primary key (${t.primaryKey.join(', ')}) lacks ${D}` });
      for (const u of t.uniques) if (!u.columns.includes(D)) out.push({ table: t.name, rule: 'unique', detail: `${u.name} (${u.columns.join(', ') || 'an expression'}) lacks ${D}` });
    }
    for (const fk of t.foreignKeys) {
      const to = placement[fk.ref];
      if (!place || !to) continue;
      const bad = (why: string) => out.push({ table: t.name, rule: 'foreign-key', detail: `${fk.name} → ${fk.ref}: ${why}` });
      if (place === 'reference' && to !== 'reference') bad(`a reference table may point only at reference tables, not at a ${to} one`);
      else if (place === 'coordinator' && to === 'distributed') bad('a coordinator table may not point at a distributed one');
      else if (place === 'distributed' && to === 'coordinator') bad('a distributed table may not point at a coordinator one');
      else if (place === 'distributed' && to === 'distributed') {
        const i = fk.columns.indexOf(D);
        if (i < 0 || fk.refColumns[i] !== D) bad(`not co-located: the key must pair ${D} with ${D}`);
      }
    }
  }
  return out;
}

/** The statements that place the tables on a Citus cluster, in an order Citus accepts: each
 *  group after the groups it may point at, and within a group a table after those it points at. */
export function citusPlan(cat: Catalogue, placement: Record<string, Placement> = PLACEMENT): string[] {
  const byName = new Map(cat.tables.map((t) => [t.name, t]));
  const ordered = (p: Placement) => {
    const seen = new Set<string>();
    const out: string[] = [];
    const visit = (n: string) => {
      if (seen.has(n) || placement[n] !== p) return;
      seen.add(n);
      for (const fk of byName.get(n)?.foreignKeys ?? []) visit(fk.ref);
      out.push(n);
    };
    for (const n of [...byName.keys()].sort()) visit(n);
    return out;
  };
  const lines = ['-- 参考表 reference tables: copied to every node'];
  for (const n of ordered('reference')) lines.push(`SELECT create_reference_table('${n}');`);
  lines.push(`-- 分布表 distributed by ${D}, co-located with sources`);
  for (const n of ordered('distributed').sort((a, b) => Number(b === 'sources') - Number(a === 'sources'))) {
    lines.push(`SELECT create_distributed_table('${n}', '${D}'${n === 'sources' ? '' : ", colocate_with => 'sources'"});`);
  }
  lines.push('-- 协调节点本地表 coordinator tables (Citus local tables)');
  for (const n of ordered('coordinator')) lines.push(`SELECT citus_add_local_table_to_metadata('${n}');`);
  return lines;
}

/** The tables that do not meet the rules yet: none since migration 0034. The schema grew on one
 *  server first, with most keys a bare `id`; migrations 0021–0034 moved it family by family
 *  (sources' province, review, survey, inventory, quality control, the directory). The check fails
 *  when a listed table becomes ready (take it off) and when any other table breaks a rule, so a
 *  table added later cannot forget. */
export const NOT_YET_READY: readonly string[] = [];
