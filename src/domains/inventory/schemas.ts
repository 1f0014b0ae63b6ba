// TypeBox shapes of the inventory API (docs/inventory-api.md).
import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { CATEGORIES } from '../directory/index.ts';

export const Str = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Opt = (max: number) => Type.Optional(Type.String({ maxLength: max }));
export const Uuid = Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
export const RegionCode = Type.String({ pattern: '^[0-9]{6,12}$' });
export const Ids = Type.Array(Type.Integer({ minimum: 1, maximum: 2 ** 53 }), { minItems: 1, maxItems: 10000 });
export const StateCode = Type.String({ pattern: '^[a-z][a-z-]{1,23}$' });

export const FormDataSchema = Type.Object({
  name: Str(200),
  creditCode: Opt(40),
  orgCode: Opt(20),
  formerNames: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 10 })),
  legalRep: Opt(60),
  address: Opt(300),
  industryCode: Opt(8),
  category: Type.Optional(Type.Union(CATEGORIES.map((c) => Type.Literal(c)))),
  lat: Type.Optional(Lat),
  lng: Type.Optional(Lng),
  contacts: Type.Optional(Type.Array(Type.Object({ name: Opt(60), phone: Opt(40) }, { additionalProperties: false }), { maxItems: 10 })),
  permitNo: Opt(60),
  sites: Type.Optional(Type.Array(Type.Object({ address: Str(300), lat: Type.Optional(Lat), lng: Type.Optional(Lng) }, { additionalProperties: false }), { maxItems: 20 })),
  radioactive: Type.Optional(Type.Boolean()),
  minerals: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })),
  remarks: Opt(2000),
}, { additionalProperties: false });

export const SyncItemSchema = Type.Object({
    opId: Uuid,
    sourceId: Type.Union([Type.Integer({ minimum: 1, maximum: 2 ** 53 }), Type.Null()]),
    clientUuid: Type.Optional(Uuid),
    baseVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    state: StateCode,
    stateReason: Opt(40),
    submit: Type.Boolean(),
    data: FormDataSchema,
    visit: Type.Optional(Type.Object({ at: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' }), lat: Type.Optional(Lat), lng: Type.Optional(Lng), accuracy: Type.Optional(Type.Number({ minimum: 0, maximum: 100000 })) }, { additionalProperties: false })),
}, { additionalProperties: false });

const itemCheck = TypeCompiler.Compile(SyncItemSchema);
/** What is wrong with one sync item's shape, or null: items are checked one by one, so one bad item does not refuse the batch. */
export function itemProblem(item: unknown): string | null {
  const first = itemCheck.Errors(item).First();
  return first ? `${first.path || '/'} ${first.message}` : null;
}

export const SyncBody = Type.Object({
  packageId: Type.Integer({ minimum: 1, maximum: 2 ** 53 }),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,16}$' })),
  // Each item is checked alone (itemProblem) so that a malformed one is refused by itself.
  items: Type.Array(Type.Object({ opId: Uuid }, { additionalProperties: true, description: 'SyncItem: see docs/inventory-api.md' }), { maxItems: 500 }),
}, { additionalProperties: false });

const StateDefSchema = Type.Object({
  code: StateCode, nameZh: Str(20), nameEn: Str(40), colour: Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }), toSurvey: Type.Boolean(),
  reasons: Type.Array(Type.String({ pattern: '^[a-z][a-z-]{1,39}$' }), { maxItems: 10 }), position: Type.Integer({ minimum: 1, maximum: 100 }),
}, { additionalProperties: false });
export const StatesBody = Type.Object({ states: Type.Array(StateDefSchema, { maxItems: 20 }) }, { additionalProperties: false });
const DepartmentDefSchema = Type.Object({
  code: Type.String({ pattern: '^[a-z]{2,10}$' }), nameZh: Str(30), nameEn: Str(60), required: Type.Boolean(), position: Type.Integer({ minimum: 1, maximum: 100 }),
}, { additionalProperties: false });
export const DepartmentsBody = Type.Object({ departments: Type.Array(DepartmentDefSchema, { maxItems: 20 }) }, { additionalProperties: false });
