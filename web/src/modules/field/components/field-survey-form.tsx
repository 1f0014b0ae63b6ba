import { ArrowLeftOutlined, CloudUploadOutlined, SnippetsOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Space, Tooltip, Typography, type ButtonProps } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOGUE } from '../../../../../src/domains/survey/forms/index.ts';
import { FillWorkspace } from '../../survey/components/fill-workspace.tsx';
import { AttachmentContext } from '../../survey/contexts/attachment-context.ts';
import { formVerdict } from '../../survey/utils/verdict.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import type { useSurveyFill } from '../hooks/use-survey-fill.ts';
import type { LocalSubmission } from '../types.ts';
import { lockedPath, onlyOpen } from '../utils/returned-rules.ts';
import { deviceAttachments } from '../utils/survey-attachments.ts';
import { syncNow } from '../utils/sync.ts';
import { FieldComments, ReturnedBanner } from './returned-banner.tsx';
import { LocalStatus, localKind } from './survey-status.tsx';

interface Props {
  code: string;
  unitKey: string;
  /** The unit's name. */
  name: string;
  fill: ReturnType<typeof useSurveyFill>;
  sub: LocalSubmission | undefined;
  onOpenForm: (code: string) => void;
  onBack: () => void;
}

const names = new Map(CATALOGUE.map((e) => [e.code, e.name]));

/** One survey form on the phone: the console's renderer stacked, saved as typed, submitted for the next sync. */
export function FieldSurveyForm({ code, unitKey, name, fill, sub, onOpenForm, onBack }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [pasting, setPasting] = useState(false);
  const attachments = useMemo(() => deviceAttachments(unitKey), [unitKey]);
  const { state, dispatch, verdict } = fill;
  const fv = formVerdict(verdict, code);
  const n = names.get(code);
  // Approved or locked by the review chain (the server refused a change): nothing may change here.
  const approved = localKind(sub) === 'approved';
  const ready = !!verdict && fv.summary.ready && !!state.forms[code] && !approved;
  const review = sub?.review;
  const open = review?.openPaths ?? null;
  const fieldLocked = useCallback((path: string) => lockedPath(open, path), [open]);
  const comments = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const c of review?.comments ?? []) m.set(c.path, [...(m.get(c.path) ?? []), c.text]);
    return m;
  }, [review]);
  const fieldNote = useCallback((path: string) => {
    const texts = comments.get(path);
    return texts ? <FieldComments path={path} texts={texts} /> : null;
  }, [comments]);

  const submit = async () => {
    setBusy(true);
    try {
      await fill.submit(code);
      notify.success(t('field.survey.submitted'));
      if (navigator.onLine) void syncNow().catch(() => undefined); // shown on the sync tab
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="field-survey-form" data-testid="field-survey-form" data-form={code}>
      <div className="field-row block-gap">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="fs-form-back">
          {t('field.survey.back')}
        </Button>
        <Typography.Text strong ellipsis>{name}</Typography.Text>
      </div>
      <AttachmentContext.Provider value={attachments}>
        <FillWorkspace
          code={code}
          state={state}
          dispatch={dispatch}
          verdict={verdict}
          readOnly={approved}
          fieldLocked={open ? fieldLocked : undefined}
          fieldNote={review ? fieldNote : undefined}
          onOpenForm={onOpenForm}
          toolbar={
            <div className="fs-toolbar block-gap">
              <Typography.Title level={5} className="sf-title">{code} {n ? (lang === 'en' ? n.en : n.zh) : ''}</Typography.Title>
              <Space wrap>
                <LocalStatus sub={sub} />
                <Button size="small" icon={<SnippetsOutlined />} disabled={approved} onClick={() => setPasting(true)} data-testid="fs-paste">
                  {t('field.survey.paste')}
                </Button>
                <Tooltip title={ready ? undefined : t('field.survey.submitDisabled')}>
                  <Button type="primary" icon={<CloudUploadOutlined />} disabled={!ready} loading={busy} onClick={() => void submit()} data-testid="fs-submit">
                    {t('field.survey.submit')}
                  </Button>
                </Tooltip>
              </Space>
              {review && sub && <ReturnedBanner form={code} version={sub.version} review={review} />}
              {approved && <Alert className="block-gap" type="info" showIcon data-testid="fs-locked" title={t('field.survey.locked')} />}
              {sub?.failed && (
                <Alert
                  className="block-gap"
                  type="error"
                  showIcon
                  data-testid="fs-refused"
                  data-code={sub.failed.code}
                  title={t('field.survey.refused', { message: lang === 'en' ? sub.failed.message.en : sub.failed.message.zh })}
                  description={sub.failed.paths?.length ? t('field.survey.fieldLocked', { paths: sub.failed.paths.join(', ') }) : sub.failed.issues.length > 0 && (
                    <ul className="plain-list">
                      {sub.failed.issues.slice(0, 20).map((i) => (
                        <li key={`${i.form}|${i.rule}@${i.path}`}><code>{i.path || i.form}</code> {lang === 'en' ? i.message.en : i.message.zh}</li>
                      ))}
                    </ul>
                  )}
                />
              )}
              {sub?.conflict && <Alert className="block-gap" type="warning" showIcon data-testid="fs-conflict" title={t('field.survey.conflictTitle', { form: code, rev: sub.conflict.rev, status: sub.conflict.status })} />}
            </div>
          }
        />
      </AttachmentContext.Provider>
      <PasteModal
        open={pasting}
        onClose={() => setPasting(false)}
        onPaste={(answers) => {
          // Only what the review left open is pasted over; a locked field keeps its answer.
          for (const [path, value] of Object.entries(onlyOpen(open, answers))) dispatch({ type: 'answer', form: code, path, value });
          setPasting(false);
        }}
      />
    </div>
  );
}

/** Answers pasted as a JSON object (from the unit's electronic file): each top-level field replaced. */
function PasteModal({ open, onClose, onPaste }: { open: boolean; onClose: () => void; onPaste: (answers: Record<string, unknown>) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [bad, setBad] = useState(false);
  const ok = () => {
    try {
      const v = JSON.parse(text) as unknown;
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
      setBad(false);
      setText('');
      onPaste(v as Record<string, unknown>);
    } catch {
      setBad(true);
    }
  };
  return (
    <Modal open={open} title={t('field.survey.pasteTitle')} onCancel={onClose} onOk={ok} okButtonProps={{ 'data-testid': 'fs-paste-ok' } as ButtonProps} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('field.survey.pasteHint')}</Typography.Paragraph>
      <Input.TextArea rows={8} value={text} status={bad ? 'error' : ''} onChange={(e) => setText(e.target.value)} data-testid="fs-paste-text" />
      {bad && <Typography.Text type="danger">{t('field.survey.pasteBad')}</Typography.Text>}
    </Modal>
  );
}
