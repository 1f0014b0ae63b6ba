import { Button, Card, Select, Space, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useCan } from '../../auth/hooks/use-can.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useCases, type CaseFilter } from '../hooks/use-cases.ts';
import { CASE_STATUSES, CASE_TYPES, type Case } from '../utils/supervision-api.ts';
import { CaseFormModal } from './case-form-modal.tsx';
import { CaseTypeTag } from './case-type-tag.tsx';
import { LinkTable } from './link-table.tsx';
import { StatusTag } from './status-tag.tsx';
import './supervision-work.css';

/** /supervision/cases — the cases the caller's office issued or received, overdue ones in red. */
export function CasesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const own = useSession().regionCode;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const direction = params.get('direction') === 'received' ? 'received' : 'issued';
  const filter: CaseFilter = { direction, status: params.get('status') ?? undefined, type: params.get('type') ?? undefined };
  const list = useCases(filter);
  const [open, setOpen] = useState(false);
  const change = (k: string, v: string | undefined) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v); else p.delete(k);
    setParams(p, { replace: true });
  };

  const columns: ColumnsType<Case> = [
    { title: t('supervisionWork.cases.number'), dataIndex: 'number', width: 150, render: (n: string, c) => <Typography.Link data-testid="case-number">{n || `#${c.id}`}</Typography.Link> },
    { title: t('supervisionWork.cases.type'), dataIndex: 'type', width: 90, render: (v: Case['type']) => <CaseTypeTag type={v} /> },
    { title: t('supervisionWork.cases.caseTitle'), dataIndex: 'title', ellipsis: true },
    direction === 'issued'
      // Issued in the scope: a case issued below the own level names its issuer too.
      ? { title: t('supervisionWork.cases.target'), key: 'target', width: 200, render: (_, c) => (c.issuer.code === own ? c.target.name : `${c.issuer.name} → ${c.target.name}`) }
      : { title: t('supervisionWork.cases.issuer'), key: 'issuer', width: 140, render: (_, c) => c.issuer.name },
    {
      title: t('supervisionWork.cases.dueOn'), dataIndex: 'dueOn', width: 130,
      render: (v: string | null, c) => (c.overdue ? <Typography.Text type="danger" data-testid="case-overdue">{v} {t('supervisionWork.cases.overdue')}</Typography.Text> : (v ?? '—')),
    },
    { title: t('supervisionWork.cases.status'), dataIndex: 'status', width: 90, render: (s: string) => <StatusTag status={s} /> },
    { title: t('supervisionWork.cases.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
  ];

  return (
    <div className="page">
      <Card
        size="small"
        title={t('supervisionWork.cases.title')}
        extra={can('supervision.case') && <Button type="primary" data-testid="case-new" onClick={() => setOpen(true)}>{t('supervisionWork.cases.new')}</Button>}
      >
        <Tabs
          size="small"
          activeKey={direction}
          onChange={(k) => change('direction', k === 'issued' ? undefined : k)}
          items={[
            { key: 'issued', label: <span data-testid="cases-tab-issued">{t('supervisionWork.cases.issued')}</span> },
            { key: 'received', label: <span data-testid="cases-tab-received">{t('supervisionWork.cases.received')}</span> },
          ]}
        />
        <Space wrap className="block-gap">
          <Select allowClear style={{ width: 140 }} placeholder={t('supervisionWork.cases.anyStatus')} value={filter.status} data-testid="cases-filter-status"
            onChange={(v: string | undefined) => change('status', v)} options={CASE_STATUSES.map((k) => ({ value: k, label: t(`supervisionWork.statuses.${k}`) }))} />
          <Select allowClear style={{ width: 140 }} placeholder={t('supervisionWork.cases.anyType')} value={filter.type} data-testid="cases-filter-type"
            onChange={(v: string | undefined) => change('type', v)} options={CASE_TYPES.map((k) => ({ value: k, label: t(`supervisionWork.caseTypes.${k}`) }))} />
        </Space>
        <LinkTable<Case> query={list} columns={columns} testId="cases-table" rowTestId="case-row" empty={t('supervisionWork.cases.empty')} scrollX={960}
          href={(c) => `/supervision/cases/${c.id}`} rowData={(c) => ({ 'data-status': c.status, 'data-target': c.target.code })} rowClass={(c) => (c.overdue ? 'case-overdue' : '')} />
      </Card>
      {open && <CaseFormModal draft={{}} onClose={() => setOpen(false)} onDone={(c) => navigate(`/supervision/cases/${c.id}`)} />}
    </div>
  );
}

