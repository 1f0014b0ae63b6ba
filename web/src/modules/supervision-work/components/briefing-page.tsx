import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Space, Spin } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useCan } from '../../auth/hooks/use-can.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useBriefing, useBriefingAction } from '../hooks/use-briefings.ts';
import type { Briefing } from '../utils/supervision-api.ts';
import { BriefingEditor, type BriefingDraft } from './briefing-editor.tsx';
import { BriefingView } from './briefing-view.tsx';
import { StatusTag } from './status-tag.tsx';
import './supervision-work.css';

/** /supervision/briefings/:id — a briefing as read, and while a draft its editor and publishing. */
export function BriefingPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const query = useBriefing(id);
  const b = query.data;
  if (query.isPending) return <div className="page"><Spin /></div>;
  if (!b) return <div className="page"><QueryErrorAlert error={query.error} onRetry={() => query.refetch()} /></div>;
  const editable = b.status === 'draft' && can('supervision.dispatch');
  const editing = editable && params.get('edit') === '1';
  const setEditing = (on: boolean) => setParams(on ? { edit: '1' } : {}, { replace: true });
  return (
    <div className="page print-sheet" data-testid="briefing" data-id={b.id} data-status={b.status}>
      <Card
        size="small"
        title={<Space><Link to="/supervision/briefings" className="no-print" title={t('supervisionWork.briefing.back')}><ArrowLeftOutlined /></Link><StatusTag status={b.status} testId="briefing-status" /></Space>}
        extra={editable && !editing && <Actions briefing={b} onEdit={() => setEditing(true)} />}
      >
        {editing ? <Editor key={b.version} briefing={b} onDone={() => setEditing(false)} /> : <BriefingView title={b.title} asOf={b.asOf} blocks={b.blocks} data={b.data} />}
      </Card>
    </div>
  );
}

function Actions({ briefing: b, onEdit }: { briefing: Briefing; onEdit: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const action = useBriefingAction(b.id);
  return (
    <Space className="no-print">
      <Button data-testid="briefing-edit" onClick={onEdit}>{t('supervisionWork.briefing.edit')}</Button>
      <Popconfirm title={t('supervisionWork.dispatch.publishConfirm')} okButtonProps={{ 'data-testid': 'briefing-publish-ok' } as ButtonProps}
        onConfirm={() => action.mutate({ action: 'publish', body: { version: b.version } }, { onSuccess: () => notify.success(t('supervisionWork.briefing.published')), onError: notify.error })}>
        <Button type="primary" data-testid="briefing-publish" loading={action.isPending}>{t('supervisionWork.briefing.publish')}</Button>
      </Popconfirm>
    </Space>
  );
}

function Editor({ briefing: b, onDone }: { briefing: Briefing; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const action = useBriefingAction(b.id);
  const [draft, setDraft] = useState<BriefingDraft>({ title: b.title, asOf: b.asOf, blocks: b.blocks });
  const save = () => action.mutate(
    { action: 'patch', body: { title: draft.title.trim(), asOf: draft.asOf, blocks: draft.blocks, version: b.version } },
    { onSuccess: () => { notify.success(t('supervisionWork.briefing.saved')); onDone(); }, onError: notify.error },
  );
  return (
    <>
      <BriefingEditor value={draft} onChange={setDraft} />
      <Space className="block-gap">
        <Button type="primary" data-testid="briefing-save" disabled={!draft.title.trim() || !draft.asOf} loading={action.isPending} onClick={save}>{t('supervisionWork.briefing.save')}</Button>
        <Button onClick={onDone}>{t('supervisionWork.briefing.preview')}</Button>
      </Space>
    </>
  );
}
