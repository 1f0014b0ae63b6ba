// Chinese for the teams page: team kinds, members and "1+1" pairs. en/teams.ts must mirror these
// keys.

export const teams = {
  title: '工作组',
  create: '新建工作组',
  edit: '编辑工作组',
  name: '名称',
  region: '行政区划',
  kind: '类型',
  agency: '第三方机构',
  instructor: '普查指导员',
  members: '成员',
  memberLocal: '本地人员',
  memberProfessional: '第三方专业人员',
  pairHint: '"1+1"组合由一名本地人员和一名第三方机构专业人员组成',
  pairDistinct: '两名成员不能是同一人',
  anyKind: '全部类型',
  kinds: {
    enumerator: '普查员小组',
    paired: '"1+1"组合',
    agency: '第三方机构团队',
    students: '高校师生',
  },
  memberRoles: {
    member: '成员',
    local: '本地人员',
    professional: '专业人员',
    student: '学生',
  },
  confirmDisable: '停用工作组 {{name}}？',
  confirmEnable: '启用工作组 {{name}}？',
};
