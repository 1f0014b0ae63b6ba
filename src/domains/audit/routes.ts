// HTTP edge of the audit log: read-only, filtered, within the caller's scope.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../server/auth.ts';
import { PageQuery } from '../../server/schemas.ts';
import { listAudit } from './audit.sql.ts';

export async function auditRoutes(app: FastifyInstance) {
  app.get('/api/v1/audit', {
    config: { action: 'audit.read' },
    schema: {
      tags: ['audit'],
      summary: 'Audit log, newest first',
      querystring: Type.Composite([
        PageQuery,
        Type.Object({
          entity: Type.Optional(Type.String({ maxLength: 40 })),
          entityId: Type.Optional(Type.String({ maxLength: 64 })),
          action: Type.Optional(Type.String({ maxLength: 60 })),
          actor: Type.Optional(Type.String({ maxLength: 64 })),
          region: Type.Optional(Type.String({ pattern: '^[0-9]{1,12}$' })),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
        }),
      ]),
    },
  }, async (req) => {
    const qs = req.query as Record<string, string | number | undefined>;
    return listAudit(app.ctx.db, {
      scopePrefix: actorOf(req).scopePrefix,
      entity: qs.entity as string | undefined,
      entityId: qs.entityId as string | undefined,
      action: qs.action as string | undefined,
      actor: qs.actor as string | undefined,
      region: qs.region as string | undefined,
      from: qs.from as string | undefined,
      to: qs.to as string | undefined,
      before: qs.cursor ? Number(qs.cursor) : undefined,
      limit: (qs.limit as number | undefined) ?? 50,
    });
  });
}
