import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BranchesOutlined,
  DatabaseOutlined,
  HomeOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../api/types.ts';
import { useCan } from '../../auth/hooks/use-can.ts';

export interface NavItem {
  key: 'home' | 'regions' | 'users' | 'teams' | 'agencies' | 'registers' | 'directory' | 'merge-queue' | 'audit' | 'jobs';
  path: string;
  icon: ReactNode;
  label: string;
}

const ALL: { key: NavItem['key']; path: string; icon: ReactNode; permission?: Permission }[] = [
  { key: 'home', path: '/', icon: <HomeOutlined /> },
  { key: 'regions', path: '/regions', icon: <ApartmentOutlined /> },
  { key: 'users', path: '/users', icon: <UserOutlined />, permission: 'users.read' },
  { key: 'teams', path: '/teams', icon: <TeamOutlined />, permission: 'teams.read' },
  { key: 'agencies', path: '/agencies', icon: <BankOutlined />, permission: 'agencies.read' },
  { key: 'registers', path: '/registers', icon: <DatabaseOutlined />, permission: 'registers.read' },
  { key: 'directory', path: '/directory', icon: <ProfileOutlined />, permission: 'directory.read' },
  { key: 'merge-queue', path: '/directory/queue', icon: <BranchesOutlined />, permission: 'directory.read' },
  { key: 'audit', path: '/audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: 'jobs', path: '/jobs', icon: <ScheduleOutlined />, permission: 'jobs.read' },
];

/** The console's pages this session may open, in menu order. */
export function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const can = useCan();
  return useMemo(
    () => ALL.filter((i) => !i.permission || can(i.permission)).map(({ key, path, icon }) => ({ key, path, icon, label: t(`nav.${key}`) })),
    [can, t],
  );
}
