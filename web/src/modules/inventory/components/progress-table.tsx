import { Progress, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressRow } from '../../../api/inventory-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useInventoryStates } from '../hooks/use-inventory-config.ts';
import { isZoneRow } from '../utils/is-zone-row.ts';
import { percent } from '../utils/percent.ts';
import { nameIn } from '../utils/state-label.ts';
import { StateBar } from './state-bar.tsx';

interface Props {
  rows: ProgressRow[];
  total: ProgressRow | undefined;
  loading: boolean;
  onOpen: (row: ProgressRow) => void;
}

const keyOf = (r: ProgressRow) => r.code ?? 'none';

/** Progress per child region (or zone): counts, a count per state in its colour, completion, and a stacked bar. */
export function ProgressTable({ rows, total, loading, onOpen }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { states } = useInventoryStates();
  const num = (field: 'sources' | 'visited' | 'confirmed' | 'disputed') => (_: unknown, r: ProgressRow) => (
    <span data-testid={`cell-${field}`}>{r[field]}</span>
  );
  const columns: ColumnsType<ProgressRow> = [
    {
      title: t('inventory.progress.region'),
      key: 'name',
      width: 180,
      fixed: 'left',
      render: (_, r) => (
        <span>
          {r.code ? <Typography.Link data-testid="progress-name">{r.name}</Typography.Link> : <span data-testid="progress-name">{r.name || t('inventory.progress.unplaced')}</span>}
          {r.code && <div className="option-code">{r.code}</div>}
        </span>
      ),
    },
    { title: t('inventory.progress.sources'), key: 'sources', width: 76, align: 'right', render: num('sources') },
    { title: t('inventory.progress.visited'), key: 'visited', width: 76, align: 'right', render: num('visited') },
    ...states.map((s) => ({
      title: (
        <span className="state-head">
          <span className="state-swatch" style={{ background: s.colour }} />
          {nameIn(s, lang)}
        </span>
      ),
      key: `state-${s.code}`,
      width: lang === 'en' ? 96 : 80,
      align: 'right' as const,
      render: (_: unknown, r: ProgressRow) => {
        const n = r.byState[s.code] ?? 0;
        return (
          <span className={n ? 'state-count' : 'state-count-zero'} data-testid={`cell-state-${s.code}`} data-colour={s.colour} style={n ? { color: s.colour } : undefined}>
            {n}
          </span>
        );
      },
    })),
    { title: t('inventory.progress.confirmed'), key: 'confirmed', width: lang === 'en' ? 96 : 76, align: 'right', render: num('confirmed') },
    {
      title: t('inventory.progress.disputed'),
      key: 'disputed',
      width: lang === 'en' ? 90 : 76,
      align: 'right',
      render: (_, r) => (
        <Typography.Text type={r.disputed ? 'danger' : undefined} data-testid="cell-disputed">
          {r.disputed}
        </Typography.Text>
      ),
    },
    {
      // The completion bar with the row's stacked state bar under it: one column, so the table fits.
      title: `${t('inventory.progress.completion')} / ${t('inventory.progress.states')}`,
      key: 'completion',
      width: 170,
      render: (_, r) => (
        <div>
          <Progress percent={percent(r.completion)} size="small" data-testid="cell-completion" data-value={percent(r.completion)} />
          <StateBar byState={r.byState} sources={r.sources} />
        </div>
      ),
    },
  ];

  return (
    <Table<ProgressRow>
      data-testid="progress-table"
      size="small"
      rowKey={keyOf}
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 700 + states.length * (lang === 'en' ? 96 : 80) }}
      rowClassName={(r) => (r.code ? 'clickable-row' : '')}
      onRow={(r) =>
        ({
          'data-testid': `progress-row-${keyOf(r)}`,
          'data-zone': isZoneRow(r) ? 'true' : 'false',
          onClick: () => r.code && onOpen(r),
        }) as HTMLAttributes<HTMLElement>
      }
      summary={() =>
        total && (
          <Table.Summary fixed>
            <Table.Summary.Row data-testid="progress-total">
              {columns.map((c, i) => (
                <Table.Summary.Cell key={String(c.key)} index={i} align={(c as { align?: 'right' }).align}>
                  {i === 0 ? <strong>{t('inventory.progress.total')}</strong> : (c as { render: (v: unknown, r: ProgressRow, i: number) => ReactNode }).render(null, total, 0)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )
      }
    />
  );
}
