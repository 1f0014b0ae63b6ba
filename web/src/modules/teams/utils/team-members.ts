import type { MemberRole, TeamInput, TeamKind } from '../../../api/types.ts';

/** The form keeps a pair as two fields and other kinds as one list; the API wants one list. */
export interface MemberFields {
  memberIds?: number[];
  localId?: number;
  professionalId?: number;
}

export function defaultMemberRole(kind: TeamKind): MemberRole {
  return kind === 'students' ? 'student' : 'member';
}

export function membersFromForm(kind: TeamKind, f: MemberFields): TeamInput['members'] {
  if (kind === 'paired') {
    return [
      ...(f.localId ? [{ userId: f.localId, memberRole: 'local' as const }] : []),
      ...(f.professionalId ? [{ userId: f.professionalId, memberRole: 'professional' as const }] : []),
    ];
  }
  const role = defaultMemberRole(kind);
  return (f.memberIds ?? []).map((userId) => ({ userId, memberRole: role }));
}

export function formFromMembers(members: { userId: number; memberRole: MemberRole }[]): MemberFields {
  return {
    memberIds: members.map((m) => m.userId),
    localId: members.find((m) => m.memberRole === 'local')?.userId,
    professionalId: members.find((m) => m.memberRole === 'professional')?.userId,
  };
}
