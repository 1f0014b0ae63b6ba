// TypeBox schemas of the registers API.
import { Type, type TSchema } from '@sinclair/typebox';
import { DEPARTMENTS } from '../../access/index.ts';
import { PageQuery } from '../../../server/schemas.ts';
import { REGISTER_FIELDS } from './row-rules.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);
const Enum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Timestamp = Type.String({ format: 'date-time' });
const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });
const Department = Enum(DEPARTMENTS);
export const REGISTER_STATUSES = ['importing', 'imported', 'failed', 'cancelled'] as const;
const Text = Type.Record(Type.String(), Type.String());

export const Register = Type.Object({
  id: Type.Integer(),
  department: Department,
  regionCode: Type.String(),
  regionName: Type.String(),
  fileName: Type.String(),
  fileSha256: Type.String(),
  fileSize: Type.Integer(),
  format: Enum(['csv', 'xlsx'] as const),
  encoding: Type.String(),
  mapping: Text,
  status: Enum(REGISTER_STATUSES),
  rowCount: Type.Integer(),
  validCount: Type.Integer(),
  errorCount: Type.Integer(),
  jobId: Nullable(Type.Integer()),
  createdBy: Nullable(Type.Integer()),
  createdAt: Timestamp,
  importedAt: Nullable(Timestamp),
});
export const RegisterPage = Page(Register);

export const RegisterListQuery = Type.Composite([
  PageQuery,
  Type.Object({
    department: Type.Optional(Department),
    region: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })),
    status: Type.Optional(Enum(REGISTER_STATUSES)),
  }),
]);

export const RegisterRow = Type.Object({
  rowNumber: Type.Integer(),
  valid: Type.Boolean(),
  creditCode: Nullable(Type.String()),
  name: Nullable(Type.String()),
  address: Nullable(Type.String()),
  legalRep: Nullable(Type.String()),
  industryCode: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  regionCode: Type.String(),
  extra: Nullable(Text),
});
export const RowsQuery = Type.Composite([PageQuery, Type.Object({ valid: Type.Optional(Type.Boolean()) })]);

export const RegisterError = Type.Object({
  rowNumber: Type.Integer(),
  column: Nullable(Type.String()),
  code: Type.String(),
  message: Type.Object({ zh: Type.String(), en: Type.String() }),
  value: Nullable(Type.String()),
});

export const MappingsQuery = Type.Object({ department: Type.Optional(Department) });
export const SavedMappings = Type.Object({
  items: Type.Array(Type.Object({ department: Department, name: Type.String(), columns: Text, updatedAt: Timestamp })),
});

export const Preview = Type.Object({
  encoding: Type.String(),
  format: Enum(['csv', 'xlsx'] as const),
  headers: Type.Array(Type.String()),
  sample: Type.Array(Type.Array(Type.String())),
  guessedMapping: Text,
  savedMappings: Type.Array(Type.Object({ name: Type.String(), columns: Text })),
});

export const ImportStarted = Type.Object({ register: Register, job: Type.Object({}, { additionalProperties: true }) });

/** The multipart fields, for the OpenAPI document (multipart bodies are read by the handler, not by ajv). */
export const UPLOAD_FIELDS = `multipart/form-data: file (.csv or .xlsx), department (${DEPARTMENTS.join(', ')}), regionCode, and optionally mapping (JSON {field: header}; fields ${REGISTER_FIELDS.join(', ')}) or mappingName, and saveMappingAs`;
export const RegisterRowPage = Page(RegisterRow);
export const RegisterErrorPage = Page(RegisterError);
