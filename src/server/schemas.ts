// Schemas shared by many routes.
import { Type } from '@sinclair/typebox';

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 }) });
export const CodeParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{6,12}$' }) });
export const PageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,16}$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
