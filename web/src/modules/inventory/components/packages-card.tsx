import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkPackage } from '../../../api/inventory-types.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { usePackages } from '../hooks/use-packages.ts';
import { PackageDrawer } from './package-drawer.tsx';
import { PackageFormModal } from './package-form-modal.tsx';

/** 工作包 of a region: list, create (from a zone or chosen sources), open one to reassign it. */
export function PackagesCard({ region }: { region: string }) {
  const { t } = useTranslation();
  const packages = usePackages(region);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Card
      size="small"
      title={t('inventory.plan.packages')}
      data-testid="packages-card"
      extra={
        <Button type="primary" icon={<PlusOutlined />} data-testid="package-create" onClick={() => setCreating(true)}>
          {t('inventory.plan.newPackage')}
        </Button>
      }
    >
      <QueryErrorAlert error={packages.error} onRetry={packages.refetch} />
      <Table<WorkPackage>
        data-testid="packages-table"
        size="small"
        rowKey="id"
        loading={packages.isFetching}
        dataSource={packages.data ?? []}
        pagination={false}
        rowClassName="clickable-row"
        onRow={(p) => ({ 'data-testid': `package-row-${p.id}`, onClick: () => setOpen(p.id) }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('inventory.plan.packageName'), dataIndex: 'name', render: (v: string) => <Typography.Link>{v}</Typography.Link> },
          { title: t('inventory.plan.team'), key: 'team', render: (_, p) => <span>{p.teamName} <Tag>{t(`teams.kinds.${p.teamKind}`)}</Tag></span> },
          { title: t('inventory.fields.region'), dataIndex: 'regionName', width: 120 },
          { title: t('inventory.plan.zone'), dataIndex: 'zoneCode', width: 170, render: (v: string | null) => <span className="option-code">{v ?? '—'}</span> },
          { title: t('inventory.plan.sources'), dataIndex: 'sources', width: 80, align: 'right' },
          { title: t('inventory.plan.visited'), dataIndex: 'visited', width: 80, align: 'right' },
          { title: t('inventory.plan.closed'), dataIndex: 'closed', width: 80, render: (v: boolean) => (v ? <Tag>{t('inventory.plan.closed')}</Tag> : null) },
        ]}
      />
      {creating && <PackageFormModal region={region} onClose={() => setCreating(false)} />}
      {open !== null && <PackageDrawer id={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}
