import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type User } from '../../../api/types.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { EnableToggle, EnabledTag } from '../../ui/components/enable-toggle.tsx';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { usePatchUser } from '../hooks/use-patch-user.ts';
import { useUserList, type UserFilters } from '../hooks/use-user-list.ts';
import { ResetPasswordModal } from './reset-password-modal.tsx';
import { UserFormModal } from './user-form-modal.tsx';
import { UserImportButton } from './user-import-button.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const notify = useNotify();
  const [filters, setFilters] = useState<UserFilters>({});
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(text, 400);
  // Enter searches at once; typing searches after a pause.
  const search = (q === text ? q : debounced).trim() || undefined;
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useUserList({ ...filters, q: search });
  const patch = usePatchUser();
  const writable = can('users.write');

  const setFilter = (f: Partial<UserFilters>) => setFilters((prev) => ({ ...prev, ...f }));

  const toggle = (u: User) =>
    patch.mutate(
      { id: u.id, patch: { version: u.version, disabled: !u.disabled } },
      // On a version conflict the hook has already re-read the list; the message says to retry.
      { onSuccess: () => notify.success(t('common.saved')), onError: notify.error },
    );

  return (
    <div className="page">
      <Card
        size="small"
        title={t('users.title')}
        extra={
          writable && (
            <Space>
              <UserImportButton />
              <Button type="primary" icon={<PlusOutlined />} data-testid="user-create" onClick={() => setDialog({ kind: 'create' })}>
                {t('users.create')}
              </Button>
            </Space>
          )
        }
      >
        <Space wrap className="filters">
          <Input
            data-testid="user-filter-q"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('users.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => setQ(text)}
            style={{ width: 240 }}
          />
          <Select<Role>
            data-testid="user-filter-role"
            allowClear
            placeholder={t('users.anyRole')}
            value={filters.role}
            onChange={(role) => setFilter({ role })}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            style={{ width: 170 }}
          />
          <RegionPicker
            data-testid="user-filter-region"
            allowClear
            placeholder={t('users.anyRegion')}
            value={filters.region}
            onChange={(region) => setFilter({ region })}
          />
          <Select<'true' | 'false'>
            data-testid="user-filter-disabled"
            allowClear
            placeholder={t('users.anyStatus')}
            value={filters.disabled}
            onChange={(disabled) => setFilter({ disabled })}
            options={[
              { value: 'false', label: t('common.enabled') },
              { value: 'true', label: t('common.disabled') },
            ]}
            style={{ width: 120 }}
          />
        </Space>
        <QueryErrorAlert error={list.error} onRetry={list.refetch} />
        <Table<User>
          data-testid="users-table"
          size="small"
          rowKey="id"
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: 1250 }}
          onRow={(u) => ({ 'data-testid': `user-row-${u.username}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('users.username'), dataIndex: 'username', width: 140 },
            { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
            { title: t('users.role'), dataIndex: 'role', width: 140, render: (r: Role) => <Tag color="blue">{t(`roles.${r}`)}</Tag> },
            {
              title: t('users.region'),
              key: 'region',
              width: 160,
              render: (_, u) => (
                <span>
                  {u.regionName} <Typography.Text type="secondary" className="option-code">{u.regionCode}</Typography.Text>
                </span>
              ),
            },
            {
              title: `${t('users.department')} / ${t('users.agency')}`,
              key: 'org',
              width: 160,
              render: (_, u) => (u.department ? t(`departments.${u.department}`) : u.agencyName ?? t('common.none')),
            },
            { title: t('users.phone'), dataIndex: 'phone', width: 120, render: (p: string | null) => p ?? t('common.none') },
            {
              title: t('common.status'),
              dataIndex: 'disabled',
              width: 80,
              render: (d: boolean) => <EnabledTag disabled={d} />,
            },
            { title: t('users.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (v: string) => formatDateTime(v, lang) },
            ...(writable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    fixed: 'right' as const,
                    width: lang === 'en' ? 250 : 190,
                    render: (_: unknown, u: User) => (
                      <Space size={0}>
                        <Button type="link" size="small" data-testid="user-edit" onClick={() => setDialog({ kind: 'edit', user: u })}>
                          {t('common.edit')}
                        </Button>
                        <EnableToggle
                          disabled={u.disabled}
                          confirm={t(u.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: u.displayName })}
                          onToggle={() => toggle(u)}
                          testId="user-toggle"
                        />
                        <Button type="link" size="small" data-testid="user-reset-password" onClick={() => setDialog({ kind: 'password', user: u })}>
                          {t('users.resetPassword')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <LoadMoreButton
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
          shown={list.items.length}
          testId="users-load-more"
        />
      </Card>
      {dialog?.kind === 'create' && <UserFormModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'password' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </div>
  );
}
