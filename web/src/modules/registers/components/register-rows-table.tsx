import { Segmented, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterRow } from '../../../api/types.ts';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useRegisterRows } from '../hooks/use-register-rows.ts';

type Validity = 'all' | 'true' | 'false';

const text = (v: string | null) => v ?? '';

/** The columns of the file that were not mapped, as "header: value; …". */
function extraText(extra: RegisterRow['extra']): string {
  if (!extra) return '';
  return Object.entries(extra)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

/** The imported rows of one register, all or only the valid or invalid ones. */
export function RegisterRowsTable({ registerId }: { registerId: number }) {
  const { t } = useTranslation();
  const [validity, setValidity] = useState<Validity>('all');
  const rows = useRegisterRows(registerId, validity === 'all' ? undefined : validity);
  const cell = (width: number) => ({ width, ellipsis: { showTitle: true }, render: text });

  return (
    <>
      <Segmented<Validity>
        data-testid="register-rows-filter"
        className="filters"
        value={validity}
        onChange={setValidity}
        options={[
          { value: 'all', label: t('registers.allRows') },
          { value: 'true', label: t('registers.validRows') },
          { value: 'false', label: t('registers.invalidRows') },
        ]}
      />
      <QueryErrorAlert error={rows.error} onRetry={rows.refetch} />
      <Table<RegisterRow>
        data-testid="register-rows-table"
        size="small"
        rowKey="rowNumber"
        loading={rows.isPending || (rows.isFetching && !rows.isFetchingNextPage)}
        dataSource={rows.items}
        pagination={false}
        scroll={{ x: 1300 }}
        onRow={(r) => ({ 'data-testid': `register-data-row-${r.rowNumber}`, 'data-valid': String(r.valid) }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('registers.rowNumber'), dataIndex: 'rowNumber', width: 70, fixed: 'left' },
          {
            title: t('common.status'),
            dataIndex: 'valid',
            width: 70,
            render: (v: boolean) => (v ? <Tag color="green">{t('registers.valid')}</Tag> : <Tag color="red">{t('registers.invalid')}</Tag>),
          },
          { title: t('registers.fields.name'), dataIndex: 'name', ...cell(200) },
          { title: t('registers.fields.credit_code'), dataIndex: 'creditCode', ...cell(180) },
          { title: t('registers.fields.address'), dataIndex: 'address', ...cell(220) },
          { title: t('registers.fields.legal_rep'), dataIndex: 'legalRep', ...cell(100) },
          { title: t('registers.fields.industry_code'), dataIndex: 'industryCode', ...cell(90) },
          { title: t('registers.fields.phone'), dataIndex: 'phone', ...cell(130) },
          { title: t('registers.fields.region_code'), dataIndex: 'regionCode', ...cell(120) },
          {
            title: t('registers.extra'),
            dataIndex: 'extra',
            width: 220,
            render: (v: RegisterRow['extra']) => {
              const s = extraText(v);
              return (
                <Typography.Text type="secondary" ellipsis={{ tooltip: s }} style={{ maxWidth: 200 }}>
                  {s}
                </Typography.Text>
              );
            },
          },
        ]}
      />
      <LoadMoreButton
        hasNextPage={rows.hasNextPage}
        isFetchingNextPage={rows.isFetchingNextPage}
        fetchNextPage={rows.fetchNextPage}
        shown={rows.items.length}
        testId="register-rows-load-more"
      />
    </>
  );
}
