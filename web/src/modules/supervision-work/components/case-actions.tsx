import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { uploadSupervisionFile, useCaseAction } from '../hooks/use-cases.ts';
import { addDays, CASE_TYPES, todayInChina, type Case, type CaseDetail } from '../utils/supervision-api.ts';

interface May { answer: boolean; close: boolean; reopen: boolean; escalate: boolean }

/** The actions the caller may take on the case: answer (with evidence), close, reopen, escalate. */
export function CaseActions({ kase: c, may }: { kase: CaseDetail; may: May }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const action = useCaseAction(c.id);
  const [reopening, setReopening] = useState(false);
  const [escalating, setEscalating] = useState(false);
  if (!may.answer && !may.close && !may.reopen && !may.escalate) return null;
  return (
    <Card size="small" className="block-gap no-print" data-testid="case-actions">
      {may.answer && <AnswerForm kase={c} />}
      <Space wrap className={may.answer ? 'block-gap' : undefined}>
        {may.close && (
          <Popconfirm title={t('supervisionWork.case.closeConfirm')} okButtonProps={{ 'data-testid': 'case-close-ok' } as ButtonProps}
            onConfirm={() => action.mutate({ action: 'close', body: { version: c.version } }, { onSuccess: () => notify.success(t('supervisionWork.case.closed')), onError: notify.error })}>
            <Button type="primary" data-testid="case-close" loading={action.isPending && action.variables?.action === 'close'}>{t('supervisionWork.case.close')}</Button>
          </Popconfirm>
        )}
        {may.reopen && <Button data-testid="case-reopen" onClick={() => setReopening(true)}>{t('supervisionWork.case.reopen')}</Button>}
        {may.escalate && <Button danger data-testid="case-escalate" onClick={() => setEscalating(true)}>{t('supervisionWork.case.escalate')}</Button>}
      </Space>
      {reopening && (
        <TextModal title={t('supervisionWork.case.reopen')} label={t('supervisionWork.case.reopenText')} busy={action.isPending} onClose={() => setReopening(false)}
          onOk={(text) => action.mutate({ action: 'reopen', body: { text, version: c.version } }, { onSuccess: () => setReopening(false), onError: notify.error })} />
      )}
      {escalating && (
        <EscalateModal kase={c} busy={action.isPending} onClose={() => setEscalating(false)}
          onOk={(body) => action.mutate({ action: 'escalate', body: { ...body, version: c.version } }, {
            onSuccess: (next: Case) => { setEscalating(false); notify.success(t('supervisionWork.case.escalated')); if (next?.id && next.id !== c.id) navigate(`/supervision/cases/${next.id}`); },
            onError: notify.error,
          })} />
      )}
    </Card>
  );
}

/** The answer: the text and evidence files, each uploaded first under a client id, then named in the answer. */
function AnswerForm({ kase: c }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const action = useCaseAction(c.id);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  // A retried upload keeps its id, so the server sees one file, not two.
  const [ids] = useState(() => new WeakMap<File, string>());
  const [uploading, setUploading] = useState(false);
  const submit = async () => {
    setUploading(true);
    try {
      const uploaded = [];
      for (const f of files) {
        let id = ids.get(f);
        if (!id) { id = crypto.randomUUID(); ids.set(f, id); }
        uploaded.push((await uploadSupervisionFile(f, id)).id);
      }
      await action.mutateAsync({ action: 'answer', body: { text: text.trim(), files: uploaded, version: c.version } });
      setText('');
      setFiles([]);
      notify.success(t('supervisionWork.case.answered'));
    } catch (e) {
      notify.error(e);
    } finally {
      setUploading(false);
    }
  };
  return (
    <div data-testid="case-answer">
      <Typography.Text strong>{t('supervisionWork.case.answer')}</Typography.Text>
      <Input.TextArea className="block-gap" data-testid="case-answer-text" autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000}
        placeholder={t('supervisionWork.case.answerText')} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="block-gap">
        <span className="muted">{t('supervisionWork.case.answerFiles')} </span>
        <input type="file" multiple data-testid="case-answer-file" accept=".pdf,.jpg,.jpeg,.png,.xlsx,.docx,application/pdf,image/jpeg,image/png"
          onChange={(e) => { const list = Array.from(e.target.files ?? []); setFiles((prev) => [...prev, ...list]); e.target.value = ''; }} />
      </div>
      {files.length > 0 && (
        <Space wrap className="block-gap" data-testid="case-answer-files">
          {files.map((f, i) => (
            <span key={`${f.name}-${i}`} className="muted">
              {f.name} <Typography.Link onClick={() => setFiles(files.filter((_, j) => j !== i))}>×</Typography.Link>
            </span>
          ))}
        </Space>
      )}
      <div className="block-gap">
        <Button type="primary" data-testid="case-answer-submit" disabled={!text.trim()} loading={uploading} onClick={() => void submit()}>
          {uploading ? t('supervisionWork.case.uploading') : t('supervisionWork.case.answerSubmit')}
        </Button>
      </div>
    </div>
  );
}

function TextModal({ title, label, busy, onClose, onOk }: { title: string; label: string; busy: boolean; onClose: () => void; onOk: (text: string) => void }) {
  const [text, setText] = useState('');
  return (
    <Modal open title={title} onCancel={onClose} okButtonProps={{ disabled: !text.trim(), loading: busy, 'data-testid': 'case-text-ok' } as ButtonProps} onOk={() => onOk(text.trim())}>
      <Typography.Text>{label}</Typography.Text>
      <Input.TextArea className="block-gap" data-testid="case-text" autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
    </Modal>
  );
}

interface Escalation { type?: string; reasons: string; dueOn: string }

function EscalateModal({ kase: c, busy, onClose, onOk }: { kase: Case; busy: boolean; onClose: () => void; onOk: (b: Escalation) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Escalation>();
  // Only the types above the current one on the ladder (praise is not on it).
  const ladder = CASE_TYPES.filter((k) => k !== 'praise');
  const higher = ladder.slice(ladder.indexOf(c.type as (typeof ladder)[number]) + 1);
  return (
    <Modal open title={t('supervisionWork.case.escalate')} onCancel={onClose} okButtonProps={{ loading: busy, 'data-testid': 'case-escalate-ok' } as ButtonProps} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" initialValues={{ type: higher[0], reasons: c.reasons, dueOn: addDays(todayInChina(), 14) }}
        onFinish={(v) => onOk({ ...v, reasons: v.reasons.trim() })}>
        <Form.Item name="type" label={t('supervisionWork.case.escalateType')}>
          <Select data-testid="case-escalate-type" options={higher.map((k) => ({ value: k, label: t(`supervisionWork.caseTypes.${k}`) }))} />
        </Form.Item>
        <Form.Item name="reasons" label={t('supervisionWork.cases.reasons')} rules={[{ required: true }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('supervisionWork.cases.dueOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
