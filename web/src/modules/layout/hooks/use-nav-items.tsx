import {
  AlertOutlined,
  ApartmentOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  DashboardOutlined,
  NotificationOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BranchesOutlined,
  CalculatorOutlined,
  CheckSquareOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FlagOutlined,
  FundOutlined,
  SafetyCertificateOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  ReadOutlined,
  PieChartOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  ClusterOutlined,
  MessageOutlined,
  GlobalOutlined,
  EnvironmentOutlined,
  PictureOutlined,
  UploadOutlined,
  LineChartOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../api/types.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { ownSurveyPath } from '../../auth/utils/landing-path.ts';

export interface NavItem {
  key:
    | 'home' | 'regions' | 'users' | 'teams' | 'agencies' | 'registers' | 'directory' | 'merge-queue'
    | 'inventory' | 'inventory-records' | 'inventory-review' | 'inventory-plan' | 'inventory-settings'
    | 'survey' | 'survey-try' | 'review' | 'review-phases' | 'review-qc' | 'review-settings' | 'accounting-coefficients' | 'emissions'
    | 'supervision' | 'supervision-readiness' | 'supervision-calendar' | 'supervision-dispatches' | 'supervision-cases' | 'supervision-briefings'
    | 'outfalls' | 'outfalls-imagery' | 'outfalls-import' | 'outfalls-progress' | 'channels' | 'portal' | 'audit' | 'jobs';
  path: string;
  icon: ReactNode;
  label: string;
  /** Items of a group sit together under one submenu (清查, 入户调查). */
  group?: NavGroup;
}

export type NavGroup = 'inventory-group' | 'survey-group' | 'review-group' | 'accounting-group' | 'supervision-group' | 'outfalls-group';

const ALL: { key: NavItem['key']; path: string; icon: ReactNode; permission?: Permission; group?: NavGroup }[] = [
  { key: 'home', path: '/', icon: <HomeOutlined /> },
  { key: 'regions', path: '/regions', icon: <ApartmentOutlined /> },
  { key: 'users', path: '/users', icon: <UserOutlined />, permission: 'users.read' },
  { key: 'teams', path: '/teams', icon: <TeamOutlined />, permission: 'teams.read' },
  { key: 'agencies', path: '/agencies', icon: <BankOutlined />, permission: 'agencies.read' },
  { key: 'registers', path: '/registers', icon: <DatabaseOutlined />, permission: 'registers.read' },
  { key: 'directory', path: '/directory', icon: <ProfileOutlined />, permission: 'directory.read' },
  { key: 'merge-queue', path: '/directory/queue', icon: <BranchesOutlined />, permission: 'directory.read' },
  { key: 'inventory', path: '/inventory', icon: <BarChartOutlined />, permission: 'inventory.read', group: 'inventory-group' },
  { key: 'inventory-records', path: '/inventory/records', icon: <FileSearchOutlined />, permission: 'inventory.read', group: 'inventory-group' },
  { key: 'inventory-review', path: '/inventory/review', icon: <CheckSquareOutlined />, permission: 'inventory.verdict', group: 'inventory-group' },
  { key: 'inventory-plan', path: '/inventory/plan', icon: <ClusterOutlined />, permission: 'inventory.plan', group: 'inventory-group' },
  { key: 'inventory-settings', path: '/inventory/settings', icon: <SettingOutlined />, permission: 'inventory.config', group: 'inventory-group' },
  { key: 'survey', path: '/survey', icon: <FormOutlined />, permission: 'survey.read', group: 'survey-group' },
  { key: 'survey-try', path: '/survey/try', icon: <ExperimentOutlined />, group: 'survey-group' },
  { key: 'review', path: '/review', icon: <SafetyCertificateOutlined />, permission: 'review.read', group: 'review-group' },
  { key: 'review-phases', path: '/review/phases', icon: <FlagOutlined />, permission: 'review.sample', group: 'review-group' },
  { key: 'review-qc', path: '/review/qc', icon: <FundOutlined />, permission: 'review.sample', group: 'review-group' },
  { key: 'review-settings', path: '/review/settings', icon: <SettingOutlined />, permission: 'review.config', group: 'review-group' },
  { key: 'accounting-coefficients', path: '/accounting/coefficients', icon: <CalculatorOutlined />, permission: 'accounting.read', group: 'accounting-group' },
  { key: 'emissions', path: '/emissions', icon: <PieChartOutlined />, permission: 'accounting.read', group: 'accounting-group' },
  { key: 'supervision', path: '/supervision', icon: <DashboardOutlined />, permission: 'supervision.read', group: 'supervision-group' },
  { key: 'supervision-readiness', path: '/supervision/readiness', icon: <CheckCircleOutlined />, permission: 'supervision.read', group: 'supervision-group' },
  { key: 'supervision-calendar', path: '/supervision/calendar', icon: <CalendarOutlined />, permission: 'supervision.read', group: 'supervision-group' },
  { key: 'supervision-dispatches', path: '/supervision/dispatches', icon: <NotificationOutlined />, permission: 'supervision.read', group: 'supervision-group' },
  { key: 'supervision-cases', path: '/supervision/cases', icon: <AlertOutlined />, permission: 'supervision.read', group: 'supervision-group' },
  { key: 'supervision-briefings', path: '/supervision/briefings', icon: <ReadOutlined />, permission: 'supervision.read', group: 'supervision-group' },
  { key: 'outfalls', path: '/outfalls', icon: <EnvironmentOutlined />, permission: 'outfalls.read', group: 'outfalls-group' },
  { key: 'outfalls-imagery', path: '/outfalls/imagery', icon: <PictureOutlined />, permission: 'outfalls.read', group: 'outfalls-group' },
  { key: 'outfalls-import', path: '/outfalls/import', icon: <UploadOutlined />, permission: 'outfalls.plan', group: 'outfalls-group' },
  { key: 'outfalls-progress', path: '/outfalls/progress', icon: <LineChartOutlined />, permission: 'outfalls.read', group: 'outfalls-group' },
  { key: 'channels', path: '/channels', icon: <MessageOutlined />, permission: 'channels.read' },
  { key: 'portal', path: '/portal', icon: <GlobalOutlined />, permission: 'portal.read' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: 'jobs', path: '/jobs', icon: <ScheduleOutlined />, permission: 'jobs.read' },
];

/** The console's pages this session may open, in menu order. */
export function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const can = useCan();
  // A respondent has one source: 入户调查 opens its forms rather than a list it may not browse.
  const own = ownSurveyPath(useSession());
  return useMemo(
    () =>
      ALL.filter((i) => !i.permission || can(i.permission)).map(({ key, path, icon, group }) => ({
        key, icon, group, label: t(`nav.${key}`), path: key === 'survey' && own ? own : path,
      })),
    [can, t, own],
  );
}
