// Loads (or reloads) the demo census in one transaction, audited as the system.
import type { Db } from '../../core/db/index.ts';
import { SYSTEM, type Actor } from '../access/actor.ts';
import { hashPassword } from '../access/password.ts';
import { recordAudit } from '../audit/audit.sql.ts';
import { loadSampleCoefficients } from '../accounting/index.ts';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_PILOTS, DEMO_TEAMS, DEMO_USERS } from './demo-data.ts';
import * as q from './demo.sql.ts';

export async function demoLoaded(db: Db): Promise<boolean> {
  const r = await db.selectFrom('settings').select('key').where('key', '=', 'demo').executeTakeFirst();
  return !!r;
}

export async function loadDemo(db: Db, actor: Actor = SYSTEM, onProgress?: (done: number, total: number) => void) {
  // Hash outside the transaction: scrypt is slow on purpose and would hold the database.
  const hash = await hashPassword(DEMO_PASSWORD);
  const total = DEMO_AGENCIES.length + DEMO_USERS.length + DEMO_TEAMS.length;
  let done = 0;
  const step = () => onProgress?.(++done, total);
  await db.transaction().execute(async (trx) => {
    await q.setPilots(trx, DEMO_PILOTS);
    const agencies = new Map<string, number>();
    for (const a of DEMO_AGENCIES) {
      agencies.set(a.key, await q.upsertAgency(trx, a));
      step();
    }
    const users = new Map<string, number>();
    for (const u of DEMO_USERS) {
      const id = await q.upsertUser(trx, {
        username: u.username,
        displayName: u.displayName,
        passwordHash: hash,
        role: u.role,
        regionCode: u.regionCode,
        department: u.department ?? null,
        agencyId: u.agency ? agencies.get(u.agency)! : null,
        phone: u.phone ?? null,
      });
      users.set(u.username, id);
      step();
    }
    for (const t of DEMO_TEAMS) {
      await q.replaceTeam(trx, {
        name: t.name,
        regionCode: t.regionCode,
        kind: t.kind,
        agencyId: t.agency ? agencies.get(t.agency)! : null,
        instructorId: t.instructor ? users.get(t.instructor)! : null,
        members: t.members.map((m) => ({ userId: users.get(m.username)!, memberRole: m.memberRole })),
      });
      step();
    }
    await q.markLoaded(trx);
    await recordAudit(trx, actor, {
      action: 'demo.load',
      entity: 'census',
      entityId: 'demo',
      regionCode: null,
      after: { users: DEMO_USERS.length, agencies: DEMO_AGENCIES.length, teams: DEMO_TEAMS.length, pilots: DEMO_PILOTS },
    });
  });
  // The sample coefficient library (not official), in force so that the demo computes emissions.
  const coefficients = await loadSampleCoefficients(db, actor);
  return { users: DEMO_USERS.length, agencies: DEMO_AGENCIES.length, teams: DEMO_TEAMS.length, coefficientVersion: coefficients.id };
}
