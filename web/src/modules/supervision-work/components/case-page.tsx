import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Card, Descriptions, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useCase } from '../hooks/use-cases.ts';
import { caseLetterUrl, strictlyInside, type CaseDetail } from '../utils/supervision-api.ts';
import { CaseActions } from './case-actions.tsx';
import { CaseEvents } from './case-events.tsx';
import { CaseTypeTag } from './case-type-tag.tsx';
import { StatusTag } from './status-tag.tsx';

/** What the caller may do with the case, as the server will judge it (docs/supervision-api.md). */
function allowed(c: CaseDetail, own: string, mayAct: boolean) {
  const atIssuer = own === c.issuer.code || strictlyInside(own, c.issuer.code);
  const atTarget = own === c.target.code || (strictlyInside(own, c.target.code) && strictlyInside(c.issuer.code, own));
  const live = c.status === 'open' || c.status === 'answered';
  return {
    answer: mayAct && atTarget && c.status === 'open',
    close: mayAct && atIssuer && live,
    reopen: mayAct && atIssuer && c.status === 'answered',
    escalate: mayAct && atIssuer && live && c.type !== 'praise' && c.type !== 'inspection',
  };
}

/** /supervision/cases/:id — the case, its history and the caller's actions. */
export function CasePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const id = Number(useParams().id);
  const own = useSession().regionCode;
  const can = useCan();
  const query = useCase(id);
  const c = query.data;
  if (query.isPending) return <div className="page"><Spin /></div>;
  if (!c) return <div className="page"><QueryErrorAlert error={query.error} onRetry={() => query.refetch()} /></div>;
  const may = allowed(c, own, can('supervision.case'));
  return (
    <div className="page" data-testid="case-view" data-id={c.id}>
      <Card
        size="small"
        title={
          <Space wrap>
            <Link to="/supervision/cases" title={t('supervisionWork.case.back')}><ArrowLeftOutlined /></Link>
            <span data-testid="case-number">{c.number}</span>
            <CaseTypeTag type={c.type} />
            <StatusTag status={c.status} testId="case-status" />
            {c.overdue && <Typography.Text type="danger" data-testid="case-overdue">{t('supervisionWork.cases.overdue')}</Typography.Text>}
          </Space>
        }
        extra={<a href={caseLetterUrl(c.id)} target="_blank" rel="noreferrer" data-testid="case-letter"><PrinterOutlined /> {t('supervisionWork.case.letter')}</a>}
      >
        <Typography.Title level={5}>{c.title}</Typography.Title>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('supervisionWork.cases.issuer')}>{c.issuer.name}</Descriptions.Item>
          <Descriptions.Item label={t('supervisionWork.cases.target')}><span data-testid="case-target-name" data-code={c.target.code}>{c.target.name}</span></Descriptions.Item>
          <Descriptions.Item label={t('supervisionWork.cases.dueOn')}>
            <Typography.Text type={c.overdue ? 'danger' : undefined} data-testid="case-due-on">{c.dueOn ?? '—'}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('supervisionWork.cases.createdAt')}>{formatDateTime(c.createdAt, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('supervisionWork.cases.reasons')} span={2}><div style={{ whiteSpace: 'pre-wrap' }} data-testid="case-reasons-text">{c.reasons}</div></Descriptions.Item>
          {c.measures && <Descriptions.Item label={t('supervisionWork.cases.measures')} span={2}><div style={{ whiteSpace: 'pre-wrap' }}>{c.measures}</div></Descriptions.Item>}
          {(c.dispatchId || c.escalatedFrom || c.lagScore !== null) && (
            <Descriptions.Item span={2} label="">
              <Space wrap>
                {c.dispatchId && <Link to={`/supervision/dispatches/${c.dispatchId}`}>{t('supervisionWork.case.fromDispatch', { id: c.dispatchId })}</Link>}
                {c.escalatedFrom && <Link to={`/supervision/cases/${c.escalatedFrom}`}>{t('supervisionWork.case.escalatedFrom', { id: c.escalatedFrom })}</Link>}
                {c.lagScore !== null && <span className="muted">{t('supervisionWork.case.lagScore', { score: c.lagScore })}</span>}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <CaseActions kase={c} may={may} />
      <Card size="small" className="block-gap" title={t('supervisionWork.case.events')}>
        <CaseEvents events={c.events} />
      </Card>
    </div>
  );
}
