// The mineral kinds in scope: 15 seeded (census-facts §9), changed by the national office.
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as q from './radioactive.sql.ts';

export interface MineralBody { code: string; nameZh: string; nameEn: string; industries: string[]; active: boolean }

const view = (m: Awaited<ReturnType<typeof q.minerals>>[number]) => ({ code: m.code, nameZh: m.name_zh, nameEn: m.name_en, industries: m.industries, active: m.active });

export async function listMinerals(db: Db) {
  return { items: (await q.minerals(db)).map(view) };
}

/** Replaces the list; a kind an enterprise declares cannot be removed, only made inactive. */
export async function putMinerals(db: Db, actor: Actor, items: MineralBody[]) {
  const codes = items.map((i) => i.code);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw new AppError('RADIO_FIELD_INVALID', { field: 'items', detail: `code ${dup} twice` });
  const bad = items.flatMap((i) => i.industries).find((c) => !/^\d{4}$/.test(c));
  if (bad) throw new AppError('RADIO_FIELD_INVALID', { field: 'industries', detail: `${bad} is not a 4-digit GB/T 4754 class` });
  return db.transaction().execute(async (trx) => {
    const before = (await q.minerals(trx)).map(view);
    const gone = before.map((m) => m.code).filter((c) => !codes.includes(c));
    if (gone.length) {
      const used = await trx.selectFrom('radio_enterprises').select('id').where((eb) => eb.or(gone.map((c) => eb(eb.val(c), '=', eb.fn.any('minerals'))))).executeTakeFirst();
      if (used) throw new AppError('RADIO_FIELD_INVALID', { field: 'items', detail: `a listed enterprise declares one of ${gone.join(', ')}: make it inactive instead` });
      await trx.deleteFrom('radio_minerals').where('code', 'in', gone).execute();
    }
    for (const [i, m] of items.entries()) {
      const v = { name_zh: m.nameZh.trim(), name_en: m.nameEn.trim(), industries: m.industries, active: m.active, position: i + 1 };
      await trx.insertInto('radio_minerals').values({ code: m.code, ...v }).onConflict((oc) => oc.column('code').doUpdateSet(v)).execute();
    }
    await recordAudit(trx, actor, { action: 'radioactive.minerals', entity: 'radio-minerals', entityId: 'all', regionCode: null, before, after: items });
    return { items: (await q.minerals(trx)).map(view) };
  });
}
