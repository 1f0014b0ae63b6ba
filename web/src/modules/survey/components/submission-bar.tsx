import { CloudUploadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { StoredSubmission, SubmissionDetail, SubmissionStatus, SurveyIssue } from '../../../api/survey-types.ts';
import type { Issue } from '../../../../../src/domains/survey/engine/index.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import type { Stored } from '../hooks/use-source-fill.ts';
import { useSaveSubmission } from '../hooks/use-save-submission.ts';
import type { FormFill } from '../utils/fill-state.ts';
import { readRefusal } from '../utils/save-refusal.ts';
import { forgetSubmissionId } from '../utils/source-info.ts';
import type { Summary } from '../utils/verdict.ts';

interface Props {
  sourceId: number;
  fill: FormFill;
  stored: Stored;
  dirty: boolean;
  /** The page's own verdict of this form. */
  summary: Summary;
  issues: readonly Issue[];
  /** The user may fill, the source goes on to the survey and the form is not locked by review. */
  canFill: boolean;
  /** A save went through (clean), or the user keeps editing over the server's revision (not clean). */
  onSaved: (form: string, stored: Stored, clean: boolean) => void;
  /** The server's copy after a conflict, to replace what is on screen. */
  onReload: (copy: StoredSubmission) => void;
}

type Shown = { kind: 'not-ready' | 'invalid'; issues: SurveyIssue[]; same: boolean } | { kind: 'text'; text: string };
/** The server's copy offered after a conflict (`taken`: it is another submission of the form). */
type Offer = { copy: StoredSubmission; taken: boolean };

const STATUS_COLOR: Partial<Record<SubmissionStatus, string>> = { draft: 'processing', submitted: 'success', returned: 'warning', approved: 'success', locked: 'default' };

/** Save a draft or submit the form on screen; a conflict offers the server's copy, a refusal shows the server's verdict. */
export function SubmissionBar({ sourceId, fill, stored, dirty, summary, issues, canFill, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const save = useSaveSubmission();
  const [offer, setOffer] = useState<Offer | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);

  const refused = async (err: unknown) => {
    const r = readRefusal(err, issues);
    switch (r.kind) {
      case 'conflict':
        return setOffer({ copy: r.server, taken: false });
      case 'conflict-gone':
        // The base named is not on the server: the next save is a first one.
        onSaved(fill.form, { ...stored, rev: null, status: null }, false);
        return setShown({ kind: 'text', text: t('survey.conflictGone') });
      case 'taken': {
        // Another browser or person began this form under its own id: edit that one.
        forgetSubmissionId(sourceId, fill.form);
        try {
          return setOffer({ copy: await api.get<SubmissionDetail>(`/api/v1/submissions/${r.id}`), taken: true });
        } catch (e) {
          return notify.error(e);
        }
      }
      case 'locked':
        return setShown({ kind: 'text', text: t('survey.locked') });
      case 'mismatch':
        forgetSubmissionId(sourceId, fill.form);
        onSaved(fill.form, { id: crypto.randomUUID(), rev: null, status: null }, false);
        return setShown({ kind: 'text', text: t('survey.idMismatch') });
      case 'not-ready':
      case 'invalid':
        return setShown(r);
      case 'other':
        return notify.error(err);
    }
  };

  const send = (status: 'draft' | 'submitted') => {
    setShown(null);
    const body = { sourceId, form: fill.form, version: fill.version, answers: fill.answers, explanations: fill.explanations, status, baseRev: stored.rev };
    save.mutate(
      { id: stored.id, body },
      {
        onSuccess: (res) => {
          onSaved(fill.form, { id: res.id, rev: res.rev, status: res.status }, true);
          notify.success(t(res.status === 'submitted' ? 'survey.submitted' : 'survey.saved', { rev: res.rev }));
        },
        onError: (err) => void refused(err),
      },
    );
  };

  const title = !shown ? '' : shown.kind === 'text' ? shown.text : shown.kind === 'invalid' ? t('survey.invalid') : shown.same ? t('survey.serverVerdictSame') : t('survey.serverVerdict');
  return (
    <div className="sf-bar" data-testid="submission-bar">
      <Space wrap>
        <Tag data-testid="submission-status" data-status={stored.status ?? 'none'} color={stored.status ? STATUS_COLOR[stored.status] : undefined}>
          {t(`survey.subStatus.${stored.status ?? 'none'}`)}
          {stored.rev !== null && ` · r${stored.rev}`}
        </Tag>
        {dirty && <Tag color="warning" data-testid="submission-dirty">{t('survey.unsaved')}</Tag>}
        {canFill && (
          <>
            <Button size="small" icon={<SaveOutlined />} loading={save.isPending && save.variables?.body.status === 'draft'} onClick={() => send('draft')} data-testid="submission-save">
              {t('survey.saveDraft')}
            </Button>
            <Tooltip title={summary.ready ? undefined : t('survey.submitDisabled')}>
              <Button size="small" type="primary" icon={<CloudUploadOutlined />} disabled={!summary.ready} loading={save.isPending && save.variables?.body.status === 'submitted'} onClick={() => send('submitted')} data-testid="submission-submit">
                {t('survey.submit')}
              </Button>
            </Tooltip>
          </>
        )}
      </Space>
      {shown && (
        <Alert
          className="block-gap"
          type="error"
          showIcon
          closable={{ onClose: () => setShown(null) }}
          data-testid="submission-refusal"
          data-kind={shown.kind}
          title={title}
          description={shown.kind === 'text' ? undefined : (
            <ul className="plain-list">
              {shown.issues.slice(0, 20).map((i) => (
                <li key={`${i.form}|${i.rule}@${i.path}`}>
                  <code>{i.path || i.form}</code> {lang === 'en' ? i.message.en : i.message.zh}
                </li>
              ))}
            </ul>
          )}
        />
      )}
      <Modal
        open={!!offer}
        title={t(offer?.taken ? 'survey.takenTitle' : 'survey.conflictTitle')}
        onCancel={() => setOffer(null)}
        data-testid="conflict-modal"
        footer={[
          <Button key="keep" data-testid="conflict-keep" onClick={() => {
            // Keep typing over the server's revision: the next save names it as its base.
            if (offer) onSaved(fill.form, { id: offer.copy.id, rev: offer.copy.rev, status: offer.copy.status }, false);
            setOffer(null);
          }}>
            {t('survey.conflictKeep')}
          </Button>,
          <Button key="reload" type="primary" danger data-testid="conflict-reload" onClick={() => {
            if (offer) onReload(offer.copy);
            setOffer(null);
          }}>
            {t('survey.conflictReload')}
          </Button>,
        ]}
      >
        <span data-testid="conflict-text">{t(offer?.taken ? 'survey.takenText' : 'survey.conflictText', { rev: offer?.copy.rev ?? '' })}</span>
      </Modal>
    </div>
  );
}
