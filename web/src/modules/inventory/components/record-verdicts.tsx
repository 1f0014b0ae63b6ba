import { Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../api/inventory-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useInventoryDepartments } from '../hooks/use-inventory-config.ts';
import { nameIn } from '../utils/state-label.ts';

interface Row {
  code: string;
  name: string;
  required: boolean;
  verdict?: Verdict;
}

/** Each department of the joint review and its verdict, required ones marked. */
export function RecordVerdicts({ verdicts }: { verdicts: Verdict[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { departments } = useInventoryDepartments();
  const of = new Map(verdicts.map((v) => [v.department, v]));
  const rows: Row[] = departments.map((d) => ({ code: d.code, name: nameIn(d, lang), required: d.required, verdict: of.get(d.code) }));
  return (
    <Table<Row>
      data-testid="record-verdicts"
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={rows}
      onRow={(r) => ({ 'data-testid': `verdict-${r.code}`, 'data-verdict': r.verdict?.verdict ?? 'none' }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('inventory.drawer.department'), key: 'name', render: (_, r) => <span>{r.name}{r.required && <Tag className="inline-tag">{t('inventory.required')}</Tag>}</span> },
        {
          title: t('inventory.drawer.verdict'),
          key: 'verdict',
          render: (_, r) =>
            r.verdict ? (
              <Tag color={r.verdict.verdict === 'agree' ? 'success' : 'error'}>{t(`inventory.verdicts.${r.verdict.verdict}`)}</Tag>
            ) : (
              <Tag>{t('inventory.verdicts.none')}</Tag>
            ),
        },
        { title: t('inventory.drawer.reason'), key: 'reason', render: (_, r) => r.verdict?.reason ?? '' },
        { title: t('inventory.drawer.at'), key: 'at', width: 170, render: (_, r) => (r.verdict ? formatDateTime(r.verdict.at, lang) : '') },
      ]}
    />
  );
}
