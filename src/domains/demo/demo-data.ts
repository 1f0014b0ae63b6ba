// The demo census: 浙江省 → 温州市 → 乐清市 (the 2018 on-site meeting's county) and
// 重庆市北碚区 (the "1+1" teams), one account per role. Pure data.
import type { Role } from '../access/roles.ts';

export const DEMO_PASSWORD = 'Pucha2018';

export const DEMO_PILOTS = ['330382', '500109'];

export interface DemoAgency { key: string; name: string; regionCode: string; creditCode: string; contact: string; phone: string; contractRef: string }

export const DEMO_AGENCIES: DemoAgency[] = [
  { key: 'yq', name: '乐清市绿源环境技术服务有限公司', regionCode: '330382', creditCode: '91330382MA2AB3C4D1', contact: '陈志远', phone: '0577-61880001', contractRef: '乐污普采〔2018〕3号' },
  { key: 'bb', name: '重庆碚城环保科技有限公司', regionCode: '500109', creditCode: '91500109MA5UE6F7GR', contact: '周雪梅', phone: '023-68220002', contractRef: '北碚污普采〔2018〕1号' },
];

export interface DemoUser { username: string; displayName: string; role: Role; regionCode: string; department?: string; agency?: string; phone?: string }

export const DEMO_USERS: DemoUser[] = [
  { username: 'nation', displayName: '国家普查办 管理员', role: 'national-office', regionCode: '100000' },
  { username: 'zhejiang', displayName: '浙江省普查办 李明', role: 'regional-office', regionCode: '330000' },
  { username: 'wenzhou', displayName: '温州市普查办 王芳', role: 'regional-office', regionCode: '330300' },
  { username: 'yueqing', displayName: '乐清市普查办 张伟', role: 'regional-office', regionCode: '330382' },
  { username: 'yq-reviewer', displayName: '乐清市审核员 刘洋', role: 'reviewer', regionCode: '330382' },
  { username: 'yq-stats', displayName: '乐清市统计局 赵静', role: 'department-reviewer', regionCode: '330382', department: 'stats' },
  { username: 'yq-mee', displayName: '乐清市生态环境分局 孙丽', role: 'department-reviewer', regionCode: '330382', department: 'mee' },
  { username: 'yq-miit', displayName: '乐清市经信局 钱勇', role: 'department-reviewer', regionCode: '330382', department: 'miit' },
  { username: 'yq-instructor', displayName: '普查指导员 黄磊', role: 'instructor', regionCode: '330382001' },
  { username: 'yq-enumerator', displayName: '普查员 吴敏', role: 'enumerator', regionCode: '330382001' },
  { username: 'yq-agency', displayName: '第三方 陈志远', role: 'agency-staff', regionCode: '330382', agency: 'yq' },
  { username: 'yq-respondent', displayName: '乐清市东联电气有限公司', role: 'respondent', regionCode: '330382001' },
  { username: 'editor', displayName: '门户编辑 孙丽', role: 'editor', regionCode: '100000' },
  { username: 'chongqing', displayName: '重庆市普查办 陈刚', role: 'regional-office', regionCode: '500000' },
  { username: 'beibei', displayName: '北碚区普查办 杨帆', role: 'regional-office', regionCode: '500109' },
  { username: 'bb-officer', displayName: '北碚区生态环境局 何军', role: 'enumerator', regionCode: '500109' },
  { username: 'bb-agency', displayName: '第三方 周雪梅', role: 'agency-staff', regionCode: '500109', agency: 'bb' },
];

export interface DemoTeam { name: string; regionCode: string; kind: 'enumerator' | 'paired' | 'agency' | 'students'; agency?: string; instructor?: string; members: Array<{ username: string; memberRole: 'member' | 'local' | 'professional' | 'student' }> }

export const DEMO_TEAMS: DemoTeam[] = [
  { name: '城东街道普查小组', regionCode: '330382001', kind: 'enumerator', instructor: 'yq-instructor', members: [{ username: 'yq-enumerator', memberRole: 'member' }] },
  { name: '乐清市第三方普查团队', regionCode: '330382', kind: 'agency', agency: 'yq', members: [{ username: 'yq-agency', memberRole: 'professional' }] },
  { name: '北碚区"1+1"第一组', regionCode: '500109', kind: 'paired', agency: 'bb', members: [{ username: 'bb-officer', memberRole: 'local' }, { username: 'bb-agency', memberRole: 'professional' }] },
];
