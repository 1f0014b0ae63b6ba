import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Table, Tag, type TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { wan, type Gap, type ReadinessItem } from '../utils/supervision-api.ts';

interface Props {
  items: ReadinessItem[];
  loading: boolean;
  linkTo: (code: string) => string;
  onHistory: (item: ReadinessItem) => void;
}

/** Each child's readiness items as tags: green when in place, red where the server counts a gap. */
export function ReadinessTable({ items, loading, linkTo, onHistory }: Props) {
  const { t } = useTranslation();
  const cell = (item: ReadinessItem, gap: Gap, text: ReactNode) => {
    const bad = item.gaps.includes(gap);
    return (
      <Tag color={bad ? 'red' : 'green'} icon={bad ? <CloseOutlined /> : <CheckOutlined />} data-testid={`readiness-${gap}`} data-gap={bad}>
        {text}
      </Tag>
    );
  };
  const yesNo = (v: boolean | undefined) => (v ? t('supervision.readiness.yes') : t('supervision.readiness.no'));
  const date = (v: string | null | undefined) => v ?? t('supervision.readiness.no');
  const agencyApplies = (i: ReadinessItem) => i.level === 'county' || i.level === 'prefecture';

  const columns: TableColumnsType<ReadinessItem> = [
    {
      key: 'region', title: t('supervision.readiness.col.region'), fixed: 'left',
      render: (_, i) => (
        <>
          <Link to={linkTo(i.code)}>{i.name}</Link>
          {!i.report && <Tag style={{ marginLeft: 6 }}>{t('supervision.readiness.none')}</Tag>}
        </>
      ),
    },
    { key: 'lg', title: t('supervision.readiness.col.leadingGroup'), render: (_, i) => cell(i, 'leadingGroup', date(i.report?.leadingGroupOn)) },
    { key: 'office', title: t('supervision.readiness.col.office'), render: (_, i) => cell(i, 'office', date(i.report?.officeOn)) },
    { key: 'plan', title: t('supervision.readiness.col.plan'), render: (_, i) => cell(i, 'plan', i.report?.planOn ? `${i.report.planOn}${i.report.planDocument ? ` ${i.report.planDocument}` : ''}` : t('supervision.readiness.no')) },
    {
      key: 'meetings', title: t('supervision.readiness.col.meetings'),
      render: (_, i) => cell(i, 'meeting', (i.report?.meetings ?? []).map((m) => t(`supervision.readiness.level.${m.level}`)).join('/') || t('supervision.readiness.no')),
    },
    { key: 'assessment', title: t('supervision.readiness.col.assessment'), render: (_, i) => cell(i, 'assessment', yesNo(i.report?.inAssessment)) },
    {
      key: 'staff', title: t('supervision.readiness.col.staff'),
      render: (_, i) => cell(i, 'staff', i.report ? `${i.report.staffOwn}+${i.report.staffSeconded} / ${i.report.staffNeeded}` : '—'),
    },
    { key: 'space', title: t('supervision.readiness.col.officeSpace'), render: (_, i) => cell(i, 'officeSpace', yesNo(i.report?.officeSpace)) },
    { key: 'network', title: t('supervision.readiness.col.network'), render: (_, i) => cell(i, 'network', yesNo(i.report?.networkConnected)) },
    {
      key: 'funds', title: t('supervision.readiness.col.funds'), align: 'right',
      render: (_, i) => cell(i, 'funds', i.report ? `${wan(i.report.fundsArrived)} / ${wan(i.report.fundsBudgeted)}` : '—'),
    },
    {
      key: 'agency', title: t('supervision.readiness.col.agency'),
      render: (_, i) => (agencyApplies(i) || i.gaps.includes('agency') ? cell(i, 'agency', yesNo(i.report?.agencyContracted)) : <span>{t('supervision.readiness.notNeeded')}</span>),
    },
    {
      key: 'gaps', title: t('supervision.readiness.col.gaps'), align: 'right',
      render: (_, i) => <span data-testid="readiness-gap-count" data-value={i.gaps.length} style={i.gaps.length ? { color: '#cf1322', fontWeight: 600 } : undefined}>{i.gaps.length}</span>,
    },
    {
      key: 'history', title: '', fixed: 'right',
      render: (_, i) => <Button size="small" onClick={() => onHistory(i)} data-testid={`readiness-history-${i.code}`}>{t('supervision.readiness.col.history')}</Button>,
    },
  ];
  return (
    <Table<ReadinessItem>
      data-testid="readiness-table"
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      onRow={(i) => ({ 'data-testid': 'readiness-row', 'data-code': i.code, 'data-gaps': i.gaps.length }) as HTMLAttributes<HTMLElement>}
    />
  );
}
