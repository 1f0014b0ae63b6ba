// Chinese for the third-party agencies page. en/agencies.ts must mirror these keys.

export const agencies = {
  title: '第三方机构',
  create: '新建机构',
  edit: '编辑机构',
  name: '机构名称',
  region: '行政区划',
  creditCode: '统一社会信用代码',
  creditCodeInvalid: '统一社会信用代码应为 18 位数字或大写字母',
  contact: '联系人',
  phone: '联系电话',
  contractRef: '合同编号',
  createdAt: '登记时间',
  searchPlaceholder: '机构名称或信用代码',
};
