import { ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEPARTMENTS, REGISTER_STATUSES, type Department, type Register, type RegisterStatus } from '../../../api/types.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useRegisterList, type RegisterFilters } from '../hooks/use-register-list.ts';
import { RegisterImportButton } from './register-import-button.tsx';
import { RegisterRowsDrawer } from './register-rows-drawer.tsx';
import { RegistersTable } from './registers-table.tsx';

/** 部门名录: the lists of units that departments hand over, imported file by file. */
export function RegistersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [filters, setFilters] = useState<RegisterFilters>({});
  const [rowsOf, setRowsOf] = useState<Register | null>(null);
  const list = useRegisterList(filters);
  const writable = can('registers.write');
  const polling = list.items.some((r) => r.status === 'importing');

  const setFilter = (f: Partial<RegisterFilters>) => setFilters((prev) => ({ ...prev, ...f }));

  return (
    <div className="page">
      <Card
        size="small"
        title={t('registers.title')}
        extra={
          <Space>
            {polling && (
              <Typography.Text type="secondary" data-testid="registers-polling">
                <SyncOutlined spin /> {t('registers.autoRefresh')}
              </Typography.Text>
            )}
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} data-testid="registers-refresh">
              {t('common.refresh')}
            </Button>
            {writable && <RegisterImportButton onViewRows={setRowsOf} />}
          </Space>
        }
      >
        <Space wrap className="filters">
          <Select<Department>
            data-testid="register-filter-department"
            allowClear
            placeholder={t('registers.anyDepartment')}
            value={filters.department}
            onChange={(department) => setFilter({ department })}
            options={DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
            style={{ width: 140 }}
          />
          <RegionPicker
            data-testid="register-filter-region"
            allowClear
            placeholder={t('registers.anyRegion')}
            value={filters.region}
            onChange={(region) => setFilter({ region })}
          />
          <Select<RegisterStatus>
            data-testid="register-filter-status"
            allowClear
            placeholder={t('registers.anyStatus')}
            value={filters.status}
            onChange={(status) => setFilter({ status })}
            options={REGISTER_STATUSES.map((s) => ({ value: s, label: t(`registers.statuses.${s}`) }))}
            style={{ width: 130 }}
          />
        </Space>
        <QueryErrorAlert error={list.error} onRetry={list.refetch} />
        <RegistersTable
          items={list.items}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage && !polling)}
          writable={writable}
          onRows={setRowsOf}
        />
        <LoadMoreButton
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
          shown={list.items.length}
          testId="registers-load-more"
        />
      </Card>
      {rowsOf && <RegisterRowsDrawer register={rowsOf} onClose={() => setRowsOf(null)} />}
    </div>
  );
}
