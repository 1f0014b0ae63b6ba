import { CloudUploadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import type { SubmissionDetail, SubmissionStatus, SurveyIssue } from '../../../api/survey-types.ts';
import type { Issue } from '../../../../../src/domains/survey/engine/index.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useSaveSubmission } from '../hooks/use-save-submission.ts';
import type { FormFill } from '../utils/fill-state.ts';
import { sameIssues, type Summary } from '../utils/verdict.ts';

export interface Stored {
  id: string;
  rev: number | null;
  status: SubmissionStatus | null;
}

interface Props {
  sourceId: number;
  fill: FormFill;
  stored: Stored;
  dirty: boolean;
  /** The page's own verdict of this form. */
  summary: Summary;
  issues: readonly Issue[];
  canFill: boolean;
  /** A save went through (clean), or the user keeps editing over the server's revision (not clean). */
  onSaved: (form: string, stored: Stored, clean: boolean) => void;
  /** The server's copy after a conflict, to replace what is on screen. */
  onReload: (detail: SubmissionDetail) => void;
}

type Refusal = { kind: 'not-ready' | 'invalid'; issues: SurveyIssue[]; same: boolean };

const issuesOf = (details: unknown): SurveyIssue[] => {
  const d = details as { verdict?: { issues?: SurveyIssue[] }; issues?: SurveyIssue[] } | null;
  return d?.verdict?.issues ?? d?.issues ?? [];
};

/** Save a draft or submit the form on screen; a conflict offers the server's copy, a refusal shows the server's verdict. */
export function SubmissionBar({ sourceId, fill, stored, dirty, summary, issues, canFill, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const save = useSaveSubmission();
  const [conflict, setConflict] = useState<SubmissionDetail | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const send = (status: SubmissionStatus) => {
    setRefusal(null);
    const body = { sourceId, form: fill.form, version: fill.version, answers: fill.answers, explanations: fill.explanations, status, baseRev: stored.rev };
    save.mutate(
      { id: stored.id, body },
      {
        onSuccess: (res) => {
          onSaved(fill.form, { id: res.id, rev: res.rev, status: res.status }, true);
          notify.success(t(res.status === 'submitted' ? 'survey.submitted' : 'survey.saved', { rev: res.rev }));
        },
        onError: (err) => {
          if (isApiError(err, 'SURVEY_CONFLICT')) setConflict(err.details as SubmissionDetail);
          else if (isApiError(err, 'SURVEY_NOT_READY') || isApiError(err, 'SURVEY_INVALID')) {
            const server = issuesOf(err.details);
            setRefusal({ kind: err.code === 'SURVEY_INVALID' ? 'invalid' : 'not-ready', issues: server, same: sameIssues(server, issues) });
          } else notify.error(err);
        },
      },
    );
  };

  return (
    <div className="sf-bar" data-testid="submission-bar">
      <Space wrap>
        <Tag data-testid="submission-status" color={stored.status === 'submitted' ? 'success' : stored.status === 'draft' ? 'processing' : undefined}>
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
      {refusal && (
        <Alert
          className="block-gap"
          type="error"
          showIcon
          closable={{ onClose: () => setRefusal(null) }}
          data-testid="submission-refusal"
          title={refusal.kind === 'invalid' ? t('survey.invalid') : refusal.same ? t('survey.serverVerdictSame') : t('survey.serverVerdict')}
          description={
            <ul className="plain-list">
              {refusal.issues.slice(0, 20).map((i) => (
                <li key={`${i.form}|${i.rule}@${i.path}`}>
                  <code>{i.path || i.form}</code> {lang === 'en' ? i.message.en : i.message.zh}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Modal
        open={!!conflict}
        title={t('survey.conflictTitle')}
        onCancel={() => setConflict(null)}
        footer={[
          <Button key="keep" data-testid="conflict-keep" onClick={() => {
            // Keep typing over the server's revision: the next save names it as its base.
            if (conflict) onSaved(fill.form, { id: stored.id, rev: conflict.rev, status: conflict.status }, false);
            setConflict(null);
          }}>
            {t('survey.conflictKeep')}
          </Button>,
          <Button key="reload" type="primary" danger data-testid="conflict-reload" onClick={() => {
            if (conflict) onReload(conflict);
            setConflict(null);
          }}>
            {t('survey.conflictReload')}
          </Button>,
        ]}
      >
        {t('survey.conflictText', { rev: conflict?.rev ?? '' })}
      </Modal>
    </div>
  );
}
