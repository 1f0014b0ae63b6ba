// 相关链接: the related-sites block on every portal page, kept by editors.
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { bumpPortal } from './cache.ts';

export interface LinkBody { nameZh: string; nameEn: string; url: string; position?: number }

const view = (l: { id: number; name_zh: string; name_en: string; url: string; position: number; version: number }) => ({ id: l.id, nameZh: l.name_zh, nameEn: l.name_en, url: l.url, position: l.position, version: l.version });

/** Only http(s) addresses that parse: a link must never carry javascript: or data:. */
function checkUrl(url: string): string {
  const u = url.trim();
  try {
    const p = new URL(u);
    if ((p.protocol === 'http:' || p.protocol === 'https:') && p.hostname) return p.toString();
  } catch {
    /* refused below */
  }
  throw new AppError('PORTAL_LINK_INVALID', { detail: u.slice(0, 100) });
}

export async function listLinks(db: Db) {
  return { items: (await db.selectFrom('portal_links').selectAll().orderBy('position').orderBy('id').execute()).map(view) };
}

export async function createLink(db: Db, actor: Actor, b: LinkBody) {
  const url = checkUrl(b.url);
  const row = await db.transaction().execute(async (trx) => {
    const l = await trx.insertInto('portal_links').values({ name_zh: b.nameZh.trim(), name_en: b.nameEn.trim(), url, position: b.position ?? 0 }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'portal.link.create', entity: 'portal-link', entityId: l.id, regionCode: null, after: { nameZh: l.name_zh, url } });
    return l;
  });
  await bumpPortal();
  return view(row);
}

export async function editLink(db: Db, actor: Actor, id: number, b: Partial<LinkBody> & { version: number }) {
  const url = b.url !== undefined ? checkUrl(b.url) : undefined;
  const row = await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('portal_links').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('PORTAL_LINK_NOT_FOUND');
    if (before.version !== b.version) throw new AppError('VERSION_CONFLICT', {}, { version: before.version });
    const l = await trx.updateTable('portal_links').set({
      ...(b.nameZh !== undefined ? { name_zh: b.nameZh.trim() } : {}), ...(b.nameEn !== undefined ? { name_en: b.nameEn.trim() } : {}),
      ...(url ? { url } : {}), ...(b.position !== undefined ? { position: b.position } : {}), version: before.version + 1,
    }).where('id', '=', id).where('version', '=', b.version).returningAll().executeTakeFirst();
    if (!l) throw new AppError('VERSION_CONFLICT');
    await recordAudit(trx, actor, { action: 'portal.link.edit', entity: 'portal-link', entityId: id, regionCode: null, before: view(before), after: view(l) });
    return l;
  });
  await bumpPortal();
  return view(row);
}

export async function deleteLink(db: Db, actor: Actor, id: number) {
  await db.transaction().execute(async (trx) => {
    const before = await trx.deleteFrom('portal_links').where('id', '=', id).returningAll().executeTakeFirst();
    if (!before) throw new AppError('PORTAL_LINK_NOT_FOUND');
    await recordAudit(trx, actor, { action: 'portal.link.delete', entity: 'portal-link', entityId: id, regionCode: null, before: view(before) });
  });
  await bumpPortal();
}
