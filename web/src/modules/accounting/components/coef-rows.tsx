import { Input, Select, Space, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_TABLES } from '../../../../../src/domains/survey/forms/index.ts';
import type { CoefRow } from '../../../api/accounting-types.ts';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useCoefRows } from '../hooks/use-coefficients.ts';
import { coefColumns } from './coef-columns.tsx';

const POLLUTANTS = CODE_TABLES.find((x) => x.id === 'pollutants')!.entries;

/** A version's rows, filtered by industry prefix and pollutant, 100 at a time. */
export function CoefRows({ versionId }: { versionId: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [industry, setIndustry] = useState('');
  const [pollutant, setPollutant] = useState<string | undefined>();
  const rows = useCoefRows(versionId, { industry: /^\d{1,4}$/.test(industry) ? industry : undefined, pollutant });
  return (
    <>
      <Space className="block-gap" wrap>
        <Input data-testid="coef-filter-industry" allowClear placeholder={t('accounting.coefficients.filterIndustry')} maxLength={4} style={{ width: 180 }}
          value={industry} onChange={(e) => setIndustry(e.target.value.replace(/\D/g, ''))} />
        <Select data-testid="coef-filter-pollutant" allowClear showSearch placeholder={t('accounting.coefficients.filterPollutant')} style={{ width: 220 }} value={pollutant} onChange={setPollutant}
          optionFilterProp="label" options={POLLUTANTS.map((p) => ({ value: p.code, label: `${p.code} ${lang === 'en' ? p.en : p.zh}` }))} />
      </Space>
      <QueryErrorAlert error={rows.error} onRetry={rows.refetch} />
      <Table<CoefRow>
        data-testid="coef-rows"
        size="small"
        rowKey="rowNo"
        loading={rows.isPending}
        dataSource={rows.items}
        pagination={false}
        scroll={{ x: 1200 }}
        columns={coefColumns(t)}
        onRow={(r) => ({ 'data-testid': `coef-row-${r.rowNo}` }) as HTMLAttributes<HTMLElement>}
      />
      <LoadMoreButton hasNextPage={!!rows.hasNextPage} isFetchingNextPage={rows.isFetchingNextPage} fetchNextPage={rows.fetchNextPage} shown={rows.items.length} testId="coef-rows-more" />
    </>
  );
}
