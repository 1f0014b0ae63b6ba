// 第三方机构 agencies: the service firms an office contracts, whose staff work
// the census beside local officers.
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import { isValidCreditCode, normaliseCreditCode } from '../../core/identifiers/credit-code.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { assertRegionsExist } from '../regions/index.ts';
import * as q from './agencies.sql.ts';
import { isUniqueViolation, page } from './common.sql.ts';

export function agencyView(r: q.AgencyRow) {
  return {
    id: Number(r.id),
    name: r.name,
    regionCode: r.region_code,
    regionName: r.region_name,
    creditCode: r.credit_code,
    contact: r.contact,
    phone: r.phone,
    contractRef: r.contract_ref,
    version: r.version,
    createdAt: r.created_at,
  };
}
export type AgencyView = ReturnType<typeof agencyView>;

const AUDITED = ['name', 'regionCode', 'creditCode', 'contact', 'phone', 'contractRef'] as const;
const pick = (o: AgencyView, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, o[k as keyof AgencyView]]));

export async function listAgencies(db: Db, actor: Actor, f: { q?: string; cursor?: string; limit?: number }) {
  const limit = f.limit ?? 50;
  const rows = await q.listAgencies(db, { scopePrefix: actor.scopePrefix, q: f.q?.trim() || undefined, before: f.cursor ? Number(f.cursor) : undefined, limit });
  return page(rows, limit, agencyView);
}

export async function getAgency(db: Db, actor: Actor, id: number) {
  const r = await q.getAgency(db, id, actor.scopePrefix);
  if (!r) throw new AppError('AGENCY_NOT_FOUND');
  return agencyView(r);
}

export interface AgencyInput {
  name?: string;
  regionCode?: string;
  creditCode?: string | null;
  contact?: string | null;
  phone?: string | null;
  contractRef?: string | null;
}

const blank = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());

/** Trims the input and checks what needs no database: the name and the credit code. */
function normalise(a: AgencyInput): AgencyInput {
  const out: AgencyInput = { ...a, contact: blank(a.contact), phone: blank(a.phone), contractRef: blank(a.contractRef) };
  if (a.name !== undefined) {
    out.name = a.name.trim();
    if (!out.name) throw new AppError('REQUEST_INVALID', { detail: 'name is empty' });
  }
  if (a.regionCode !== undefined) out.regionCode = a.regionCode.trim();
  if (a.creditCode !== undefined && a.creditCode !== null) {
    const code = normaliseCreditCode(a.creditCode);
    if (code === '') out.creditCode = null;
    else if (!isValidCreditCode(code)) throw new AppError('AGENCY_CREDIT_CODE_INVALID', { code: a.creditCode });
    else out.creditCode = code;
  }
  return out;
}

async function assertPlace(db: Db, actor: Actor, regionCode: string) {
  await assertRegionsExist(db, [regionCode]);
  if (!regionCode.startsWith(actor.scopePrefix)) throw new AppError('USER_SCOPE_OUTSIDE', { code: regionCode });
}

async function assertNameFree(db: Db, regionCode: string, name: string, exceptId?: number) {
  if (await q.nameTaken(db, regionCode, name, exceptId)) throw new AppError('AGENCY_NAME_TAKEN', { name });
}

/** The unique index still guards a name taken between our check and the insert. */
async function nameGuarded<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e, 'agencies_name_region_uq')) throw new AppError('AGENCY_NAME_TAKEN', { name });
    throw e;
  }
}

export async function createAgency(db: Db, actor: Actor, input: AgencyInput & { name: string; regionCode: string }) {
  const a = normalise(input) as Required<AgencyInput> & { name: string; regionCode: string };
  await assertPlace(db, actor, a.regionCode);
  await assertNameFree(db, a.regionCode, a.name);
  const fields = { name: a.name, regionCode: a.regionCode, creditCode: a.creditCode ?? null, contact: a.contact ?? null, phone: a.phone ?? null, contractRef: a.contractRef ?? null };
  return nameGuarded(a.name, () =>
    db.transaction().execute(async (trx) => {
      const id = await q.insertAgency(trx, fields);
      const view = agencyView((await q.getAgency(trx, id, ''))!);
      await recordAudit(trx, actor, { action: 'agency.create', entity: 'agency', entityId: id, regionCode: view.regionCode, after: pick(view, AUDITED) });
      return view;
    }),
  );
}

export async function updateAgency(db: Db, actor: Actor, id: number, patch: AgencyInput & { version: number }) {
  const cur = await getAgency(db, actor, id);
  if (patch.version !== cur.version) throw new AppError('VERSION_CONFLICT');
  const a = normalise(patch);
  const changed = AUDITED.filter((k) => a[k] !== undefined && a[k] !== cur[k]);
  if (changed.length === 0) return cur;
  if (changed.includes('regionCode')) await assertPlace(db, actor, a.regionCode!);
  const name = a.name ?? cur.name;
  const regionCode = a.regionCode ?? cur.regionCode;
  if (changed.includes('name') || changed.includes('regionCode')) await assertNameFree(db, regionCode, name, id);
  return nameGuarded(name, () =>
    db.transaction().execute(async (trx) => {
      const ok = await q.updateAgency(trx, id, patch.version, Object.fromEntries(changed.map((k) => [k, a[k]])));
      if (ok === undefined) throw new AppError('VERSION_CONFLICT');
      const view = agencyView((await q.getAgency(trx, id, ''))!);
      await recordAudit(trx, actor, { action: 'agency.update', entity: 'agency', entityId: id, regionCode: view.regionCode, before: pick(cur, changed), after: pick(view, changed) });
      return view;
    }),
  );
}
