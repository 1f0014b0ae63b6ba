// 权限 access: roles, policy, scope, passwords and sessions.
export { ROLES, DEPARTMENTS, isRole, canGrant, type Role } from './roles.ts';
export { POLICY, can, permissionsOf, type Action } from './policy.ts';
export { NATION_CODE, scopePrefixOf, levelOf, inScope, LEVEL_RANK } from './scope.ts';
export { SYSTEM, type Actor } from './actor.ts';
export { hashPassword, verifyPassword, isStrongPassword } from './password.ts';
export { sessionRoutes, openSession } from './routes.ts';
export { deleteUserSessions } from './session.sql.ts';
export { forgetSessions } from './session-cache.ts';
