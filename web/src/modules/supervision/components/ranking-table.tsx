import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { percent, type ProgressRow } from '../utils/supervision-api.ts';

/** The children ranked (lag score ascending): the rank's move since the previous dispatch date, progress against the calendar, gaps. */
export function RankingTable({ rows, loading, linkTo }: { rows: ProgressRow[]; loading: boolean; linkTo: (code: string) => string }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ProgressRow> = [
    { key: 'rank', title: t('supervision.col.rank'), width: 56, dataIndex: 'rank' },
    {
      key: 'change', title: t('supervision.col.change'), width: 64,
      render: (_, r) => !r.rankChange ? <MinusOutlined style={{ color: '#bfbfbf' }} />
        : r.rankChange > 0 ? <span style={{ color: '#389e0d' }} data-testid="rank-up"><ArrowUpOutlined /> {r.rankChange}</span>
          : <span style={{ color: '#cf1322' }} data-testid="rank-down"><ArrowDownOutlined /> {-r.rankChange}</span>,
    },
    { key: 'name', title: t('supervision.col.region'), render: (_, r) => <Link to={linkTo(r.code)} data-testid={`ranking-open-${r.code}`}>{r.name}</Link> },
    { key: 'progress', title: t('supervision.col.progress'), align: 'right', render: (_, r) => percent(r.progress) },
    { key: 'expected', title: t('supervision.col.expected'), align: 'right', render: (_, r) => percent(r.expected) },
    { key: 'lag', title: t('supervision.col.lagScore'), align: 'right', render: (_, r) => <span data-testid="ranking-lag" data-value={r.lagScore}>{r.lagScore}</span> },
    {
      key: 'gaps', title: t('supervision.col.gaps'), align: 'right',
      render: (_, r) => (
        <Tooltip title={r.gaps.map((g) => t(`supervision.gap.${g}`)).join('、') || undefined}>
          <span data-testid="ranking-gaps" data-value={r.gaps.length} style={r.gaps.length ? { color: '#cf1322' } : undefined}>{r.gaps.length}</span>
        </Tooltip>
      ),
    },
    { key: 'laggard', title: '', width: 72, render: (_, r) => r.laggard && <Tag color="red">{t('supervision.laggard')}</Tag> },
  ];
  return (
    <Table<ProgressRow>
      data-testid="supervision-ranking"
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      onRow={(r) => ({ 'data-testid': 'ranking-row', 'data-code': r.code, 'data-rank': r.rank, 'data-laggard': r.laggard }) as HTMLAttributes<HTMLElement>}
    />
  );
}
