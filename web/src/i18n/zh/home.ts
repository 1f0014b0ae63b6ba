// Chinese for the home page: welcome text and quick links. en/home.ts must mirror these keys.

export const home = {
  welcome: '欢迎，{{name}}',
  intro: '本控制台用于管理普查的行政区划、用户、工作组、第三方机构与后台任务。',
  role: '角色',
  region: '所属区划',
  username: '用户名',
  quickLinks: '快捷入口',
  links: {
    regions: '浏览行政区划，设置试点县',
    users: '创建和管理普查员、普查指导员等账号',
    teams: '组建普查员小组与"1+1"组合',
    agencies: '登记参与普查的第三方机构',
    registers: '导入各部门提供的单位名录，核对字段与错误',
    directory: '检索名录库中的普查对象，运行匹配、增补与导出',
    'merge-queue': '逐对核对疑似重复的普查对象，合并或分开',
    inventory: '逐级查看清查进度与六色状态分布',
    'inventory-records': '查看清查记录，审核、退回与裁定',
    'inventory-review': '本部门对清查结果的联合审查',
    'inventory-plan': '划分普查小区，分派工作包',
    'inventory-settings': '设置六色清查状态与审查部门',
    survey: '逐单位填报普查报表，实时审核',
    'survey-try': '用示例企业练习填报报表，不保存',
    audit: '查看谁在何时修改了什么',
    jobs: '查看批量导入等后台任务的进度',
    field: '在手机或平板上进行外业采集',
  },
};
