import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useDispatch, useDispatchAction } from '../hooks/use-dispatches.ts';
import { dispatchXlsxUrl, showMetric, type Dispatch, type Laggard } from '../utils/supervision-api.ts';
import { laggardReasons } from '../utils/reason-text.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { CaseFormModal, type CaseDraft } from './case-form-modal.tsx';
import { DispatchTable } from './dispatch-table.tsx';
import { LaggardsCard } from './laggards-card.tsx';
import { StatusTag } from './status-tag.tsx';
import './supervision-work.css';

/** /supervision/dispatches/:id — one dispatch: its text while a draft, the ranked table, 点名 and 表扬. */
export function DispatchPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const id = Number(useParams().id);
  const can = useCan();
  const navigate = useNavigate();
  const query = useDispatch(id);
  const d = query.data;
  const [draft, setDraft] = useState<CaseDraft | null>(null);
  const openCase = (l: Laggard) => setDraft({
    type: 'letter', targetRegion: l.code, targetName: l.name, dispatchId: id, lagScore: l.lagScore,
    reasons: laggardReasons(l, lang, t).join('\n'),
  });

  if (query.isPending) return <div className="page"><Spin /></div>;
  if (!d) return <div className="page"><QueryErrorAlert error={query.error} onRetry={() => query.refetch()} /></div>;
  const f = d.figures;
  return (
    <div className="page print-sheet" data-testid="dispatch-view" data-id={d.id} data-status={d.status}>
      <Card
        size="small"
        title={
          <Space wrap>
            <Link to="/supervision/dispatches" className="no-print" title={t('supervisionWork.dispatch.back')}><ArrowLeftOutlined /></Link>
            <Tag className="inline-tag">{t(`supervisionWork.kinds.${d.kind}`)}</Tag>
            {d.number && <span data-testid="dispatch-number">{t('supervisionWork.dispatches.numberN', { n: d.number })}</span>}
            <StatusTag status={d.status} testId="dispatch-status" />
          </Space>
        }
        extra={<Actions dispatch={d} />}
      >
        {d.status === 'draft' && can('supervision.dispatch') && (
          <>
            <TextEditor dispatch={d} />
            <div className="print-only"><Typography.Title level={4} style={{ textAlign: 'center' }}>{d.title}</Typography.Title>{d.remarks && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.remarks}</Typography.Paragraph>}</div>
          </>
        )}
        {!(d.status === 'draft' && can('supervision.dispatch')) && (
          <>
            <Typography.Title level={4} style={{ textAlign: 'center' }} data-testid="dispatch-title">{d.title}</Typography.Title>
            {d.remarks && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.remarks}</Typography.Paragraph>}
          </>
        )}
        <Typography.Paragraph type="secondary">
          {t('supervisionWork.dispatches.asOf')} {d.asOf} · {t('supervisionWork.dispatch.previousOn', { date: d.previousOn })}
          {f && <> · {t('supervisionWork.dispatch.summary', { regions: f.summary.regions, laggards: f.summary.laggards, mean: showMetric('progress', f.summary.meanProgress) })}</>}
        </Typography.Paragraph>
        {f && <DispatchTable rows={f.rows} />}
      </Card>
      {f && <LaggardsCard laggards={f.laggards} praised={f.praised} onCase={can('supervision.case') ? openCase : undefined} />}
      {draft && <CaseFormModal draft={draft} onClose={() => setDraft(null)} onDone={(c) => navigate(`/supervision/cases/${c.id}`)} />}
    </div>
  );
}

function Actions({ dispatch: d }: { dispatch: Dispatch }) {
  const { t } = useTranslation();
  const can = useCan();
  const notify = useNotify();
  const action = useDispatchAction(d.id);
  const query = useDispatch(d.id);
  const fail = (e: unknown) => { notify.error(e); if (isApiError(e, 'VERSION_CONFLICT') || (isApiError(e) && e.status === 409)) void query.refetch(); };
  const draft = d.status === 'draft' && can('supervision.dispatch');
  return (
    <Space wrap className="no-print">
      {draft && (
        <Button data-testid="dispatch-regenerate" loading={action.isPending && action.variables?.action === 'regenerate'}
          onClick={() => action.mutate({ action: 'regenerate', body: { version: d.version } }, { onSuccess: () => notify.success(t('supervisionWork.dispatch.regenerated')), onError: fail })}>
          {t('supervisionWork.dispatch.regenerate')}
        </Button>
      )}
      {draft && (
        <Popconfirm title={t('supervisionWork.dispatch.publishConfirm')} okButtonProps={{ 'data-testid': 'dispatch-publish-ok' } as ButtonProps}
          onConfirm={() => action.mutate({ action: 'publish', body: { version: d.version } }, { onSuccess: () => notify.success(t('supervisionWork.dispatch.published')), onError: fail })}>
          <Button type="primary" data-testid="dispatch-publish" loading={action.isPending && action.variables?.action === 'publish'}>{t('supervisionWork.dispatch.publish')}</Button>
        </Popconfirm>
      )}
      <Button icon={<DownloadOutlined />} href={dispatchXlsxUrl(d.id)} data-testid="dispatch-xlsx">{t('supervisionWork.dispatch.xlsx')}</Button>
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="dispatch-print">{t('supervisionWork.dispatch.print')}</Button>
    </Space>
  );
}

/** The title and remarks of a draft; saved with the version read. */
function TextEditor({ dispatch: d }: { dispatch: Dispatch }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const action = useDispatchAction(d.id);
  const [form] = Form.useForm<{ title: string; remarks: string }>();
  useEffect(() => form.setFieldsValue({ title: d.title, remarks: d.remarks }), [form, d.title, d.remarks]);
  return (
    <Form form={form} layout="vertical" className="no-print" data-testid="dispatch-text"
      onFinish={(v) => action.mutate({ action: 'patch', body: { title: v.title, remarks: v.remarks, version: d.version } }, { onSuccess: () => notify.success(t('supervisionWork.dispatch.saved')), onError: notify.error })}>
      <Form.Item name="title" label={t('supervisionWork.dispatch.titleField')} rules={[{ required: true }]}>
        <Input maxLength={200} data-testid="dispatch-title-input" />
      </Form.Item>
      <Form.Item name="remarks" label={t('supervisionWork.dispatch.remarks')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid="dispatch-remarks" />
      </Form.Item>
      <Button htmlType="submit" loading={action.isPending && action.variables?.action === 'patch'} data-testid="dispatch-save">{t('supervisionWork.dispatch.save')}</Button>
    </Form>
  );
}
