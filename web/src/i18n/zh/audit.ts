// Chinese for the audit log page. en/audit.ts must mirror these keys.

export const audit = {
  title: '审计日志',
  at: '时间',
  actor: '操作人',
  action: '操作',
  entity: '对象类型',
  entityId: '对象编号',
  region: '区划',
  before: '修改前',
  after: '修改后',
  period: '时间范围',
  actorPlaceholder: '操作人用户名',
  noData: '（无）',
};
