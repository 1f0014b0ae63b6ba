// Chinese for the shared strings: common words and buttons, language switch, navigation, header,
// roles, region levels, departments and error pages. en/common.ts must mirror these keys.

export const common = {
  appName: '普查',
  appTitle: '全国污染源普查 · 管理控制台',
  loading: '加载中…',
  save: '保存',
  cancel: '取消',
  create: '新建',
  edit: '编辑',
  search: '搜索',
  reset: '重置',
  refresh: '刷新',
  actions: '操作',
  loadMore: '加载更多',
  noMore: '没有更多了',
  all: '全部',
  yes: '是',
  no: '否',
  none: '—',
  saved: '已保存',
  created: '已创建',
  required: '必填',
  close: '关闭',
  back: '返回',
  status: '状态',
  enabled: '正常',
  disabled: '已停用',
  disable: '停用',
  enable: '启用',
  count: '共 {{count}} 条',
};

export const lang = {
  switchTo: 'English',
  switchHint: 'Switch to English',
};

export const nav = {
  home: '首页',
  regions: '行政区划',
  users: '用户',
  teams: '工作组',
  agencies: '第三方机构',
  registers: '部门名录',
  directory: '名录库',
  'merge-queue': '待合并',
  'inventory-group': '清查',
  inventory: '清查进度',
  'inventory-records': '清查记录',
  'inventory-review': '部门审查',
  'inventory-plan': '清查计划',
  'inventory-settings': '清查设置',
  'survey-group': '入户调查',
  survey: '调查对象',
  'survey-try': '表单练习',
  'review-group': '审核与质控',
  review: '审核队列',
  'review-phases': '阶段验收',
  'review-qc': '质量控制',
  'review-settings': '审核链设置',
  'accounting-group': '排放核算',
  'accounting-coefficients': '产排污系数库',
  emissions: '排放汇总',
  'supervision-group': '调度督导',
  supervision: '进度调度',
  'supervision-readiness': '前期准备',
  'supervision-calendar': '普查日历',
  'supervision-dispatches': '调度与通报',
  'supervision-cases': '督办',
  'supervision-briefings': '简报',
  'outfalls-group': '排污口排查',
  outfalls: '排污口名录',
  'outfalls-imagery': '影像与河段',
  'outfalls-import': '导入疑似点',
  'outfalls-progress': '排查进度',
  channels: '工作群',
  portal: '门户管理',
  audit: '审计日志',
  jobs: '任务',
  field: '外业端',
};

export const header = {
  logout: '退出登录',
  fieldApp: '外业端',
};

export const roles = {
  'national-office': '国家普查办',
  'regional-office': '地方普查办',
  reviewer: '审核员',
  'department-reviewer': '部门审核员',
  instructor: '普查指导员',
  enumerator: '普查员',
  'agency-staff': '第三方机构人员',
  respondent: '普查对象(企业)',
  editor: '门户编辑',
};

export const levels = {
  nation: '全国',
  province: '省级',
  prefecture: '地级',
  county: '县级',
  township: '乡级',
  village: '村级',
};

export const departments = {
  samr: '市场监管',
  tax: '税务',
  stats: '统计',
  mee: '生态环境',
  miit: '工信',
  moa: '农业农村',
  mwr: '水利',
  mohurd: '住建',
  other: '其他',
};

export const errors = {
  forbidden: '您的角色无权访问此页面',
  notFound: '页面不存在',
  unknown: '发生未知错误',
  goHome: '返回首页',
};
