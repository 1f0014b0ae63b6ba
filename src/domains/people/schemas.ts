// TypeBox schemas of the people API: what the console sends and gets back.
import { Type, type TSchema } from '@sinclair/typebox';
import { DEPARTMENTS, ROLES, type Role } from '../access/index.ts';
import { PageQuery } from '../../server/schemas.ts';
import { MEMBER_ROLES, TEAM_KINDS, type MemberRole, type TeamKind } from './team-rules.ts';

/** null first: ajv then keeps a JSON null as null instead of coercing it to "" or 0. */
const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);
const Enum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });

export const RoleSchema = Enum<Role>(ROLES);
const DepartmentSchema = Enum(DEPARTMENTS);
const KindSchema = Enum<TeamKind>(TEAM_KINDS);
const MemberRoleSchema = Enum<MemberRole>(MEMBER_ROLES);
const RegionCode = Type.String({ pattern: '^[0-9]{6,12}$' });
const Id = Type.Integer({ minimum: 1, maximum: 2 ** 53 });
const Version = Type.Integer({ minimum: 1 });
const Timestamp = Type.String({ format: 'date-time' });
const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

// users
export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  regionCode: Type.String(),
  regionName: Type.String(),
  department: Nullable(Type.String()),
  agencyId: Nullable(Type.Integer()),
  agencyName: Nullable(Type.String()),
  sourceId: Type.Optional(Nullable(Type.Integer())),
  phone: Nullable(Type.String()),
  disabled: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const UserPage = Page(User);

export const UserListQuery = Type.Composite([
  PageQuery,
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 100 })),
    role: Type.Optional(RoleSchema),
    region: Type.Optional(RegionCode),
    disabled: Type.Optional(Type.Boolean()),
  }),
]);

// Lengths only: the username pattern and password strength are rules, answered with their own codes.
export const UserCreateBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
    role: RoleSchema,
    regionCode: RegionCode,
    department: Type.Optional(Nullable(DepartmentSchema)),
    agencyId: Type.Optional(Nullable(Id)),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
    sourceId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);

export const UserPatchBody = Type.Object(
  {
    version: Version,
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    role: Type.Optional(RoleSchema),
    regionCode: Type.Optional(RegionCode),
    department: Type.Optional(Nullable(DepartmentSchema)),
    agencyId: Type.Optional(Nullable(Id)),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  },
  { additionalProperties: false },
);

// agencies
export const Agency = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  creditCode: Nullable(Type.String()),
  contact: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  contractRef: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Timestamp,
});
export const AgencyPage = Page(Agency);

export const AgencyListQuery = Type.Composite([PageQuery, Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) })]);

const agencyFields = {
  creditCode: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  contact: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
  contractRef: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
};
const AgencyName = Type.String({ minLength: 1, maxLength: 200 });

export const AgencyCreateBody = Type.Object({ name: AgencyName, regionCode: RegionCode, ...agencyFields }, { additionalProperties: false });
export const AgencyPatchBody = Type.Object(
  { version: Version, name: Type.Optional(AgencyName), regionCode: Type.Optional(RegionCode), ...agencyFields },
  { additionalProperties: false },
);

// teams
const MemberInput = Type.Object({ userId: Id, memberRole: MemberRoleSchema }, { additionalProperties: false });
const Members = Type.Array(MemberInput, { maxItems: 500 });

export const Team = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  kind: KindSchema,
  agencyId: Nullable(Type.Integer()),
  agencyName: Nullable(Type.String()),
  instructorId: Nullable(Type.Integer()),
  instructorName: Nullable(Type.String()),
  disabled: Type.Boolean(),
  version: Type.Integer(),
  members: Type.Array(Type.Object({ userId: Type.Integer(), username: Type.String(), displayName: Type.String(), memberRole: MemberRoleSchema })),
});
export const TeamPage = Page(Team);

export const TeamListQuery = Type.Composite([PageQuery, Type.Object({ region: Type.Optional(RegionCode), kind: Type.Optional(KindSchema) })]);

const TeamName = Type.String({ minLength: 1, maxLength: 100 });

export const TeamCreateBody = Type.Object(
  {
    name: TeamName,
    regionCode: RegionCode,
    kind: KindSchema,
    agencyId: Type.Optional(Nullable(Id)),
    instructorId: Type.Optional(Nullable(Id)),
    members: Members,
  },
  { additionalProperties: false },
);

export const TeamPatchBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(TeamName),
    agencyId: Type.Optional(Nullable(Id)),
    instructorId: Type.Optional(Nullable(Id)),
    members: Type.Optional(Members),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
