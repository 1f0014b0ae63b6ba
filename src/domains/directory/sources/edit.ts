// 修改 a source's details by hand. Every changed field's origin becomes `manual` (who, when),
// which merges and splits respect (merge.ts, split-plan.ts) and matching never rewrites: it only
// links new register rows to an existing source, and builds fields only for new sources.
import type { Db } from '../../../core/db/index.ts';
import { AppError } from '../../../core/errors.ts';
import { LEVEL_RANK, type Actor } from '../../access/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { assertRegionsExist } from '../../regions/index.ts';
import { namePinyin } from '../rules/name-pinyin.ts';
import { applyEdit, changedFields, type EditableColumns, type ManualOrigin, type SourceEditBody } from './edit-rules.ts';
import * as e from './edit.sql.ts';
import * as q from './sources.sql.ts';
import { sourceView } from './sources.ts';
import { provinceOf } from '../../../core/db/distribution.ts';

const columnsOf = (r: e.EditRow): EditableColumns => ({
  name: r.name, former_names: r.former_names, address: r.address, region_code: r.region_code, industry_code: r.industry_code,
  category: r.category, lat: r.lat, lng: r.lng, legal_rep: r.legal_rep, phone: r.phone, permit_no: r.permit_no, radioactive: r.radioactive,
});

export async function editSource(db: Db, actor: Actor, id: number, b: SourceEditBody) {
  return db.transaction().execute(async (trx) => {
    const row = await e.lockForEdit(trx, id, actor.scopePrefix);
    if (!row) throw new AppError('DIRECTORY_SOURCE_NOT_FOUND');
    if (row.state !== 'active') throw new AppError('DIRECTORY_SOURCE_NOT_ACTIVE');
    if (row.version !== b.version) throw new AppError('VERSION_CONFLICT');
    const before = columnsOf(row);
    const after = applyEdit(before, b);
    if (after.region_code !== before.region_code) {
      await assertRegionsExist(trx, [after.region_code]);
      if (!after.region_code.startsWith(actor.scopePrefix)) throw new AppError('USER_SCOPE_OUTSIDE', { code: after.region_code });
      // A county's office (or anyone below) keeps its sources in their county; offices above move them between counties.
      const county = before.region_code.slice(0, 6);
      if (LEVEL_RANK[actor.scopeLevel] >= LEVEL_RANK.county && after.region_code.slice(0, 6) !== county) {
        throw new AppError('DIRECTORY_SOURCE_REGION_COUNTY', { county });
      }
      // The province is the source's shard on the national cluster (docs/deploy.md §4): a row
      // does not change shards; the other province supplements it and this one is deleted.
      if (provinceOf(after.region_code) !== provinceOf(before.region_code)) {
        throw new AppError('DIRECTORY_SOURCE_REGION_PROVINCE', { province: provinceOf(before.region_code) });
      }
    }
    const diff = changedFields(before, after);
    if (diff.keys.length > 0) {
      const manual: ManualOrigin = { manual: true, by: actor.username, userId: actor.id, at: new Date().toISOString() };
      const origins = { ...row.field_origins };
      for (const k of diff.keys) origins[k] = manual;
      await e.writeEdit(trx, id, after, origins, namePinyin(after.name, after.region_code));
      await recordAudit(trx, actor, {
        action: 'source.edit', entity: 'source', entityId: id, regionCode: after.region_code,
        before: { version: row.version, ...diff.before }, after: { version: row.version + 1, ...diff.after },
      });
    }
    return sourceView((await q.getSource(trx, id, ''))!);
  });
}
