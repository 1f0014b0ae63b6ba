import { Alert, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import type { SurveyProblem } from '../utils/survey-store.ts';
import { resolveSurveyConflict } from '../utils/survey-store.ts';
import { syncNow } from '../utils/sync.ts';

/** A survey form the server holds otherwise (a choice, like the inventory's) or refused (fixed at the form). */
export function SurveyProblemCard({ problem }: { problem: SurveyProblem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const { sub, unit } = problem;
  const link = `?tab=tasks&pkg=${sub.packageId}&unit=${encodeURIComponent(sub.unitKey)}&survey=1&form=${encodeURIComponent(sub.form)}`;
  const choose = async (choice: 'mine' | 'server') => {
    setBusy(true);
    try {
      await resolveSurveyConflict(sub.key, choice);
      if (choice === 'mine' && navigator.onLine) await syncNow();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };
  const title = `${unit?.source.name ?? ''} · ${sub.form}`;
  if (sub.conflict) {
    return (
      <Card size="small" title={title} data-testid={`survey-conflict-${sub.form}`}>
        <Alert type="warning" showIcon className="block-gap" title={t('field.survey.conflictTitle', { form: sub.form, rev: sub.conflict.rev, status: sub.conflict.status })} description={t('field.survey.conflictText')} />
        <Space.Compact block>
          <Button block type="primary" loading={busy} onClick={() => void choose('mine')} data-testid="survey-keep-mine">{t('field.survey.keepMine')}</Button>
          <Button block loading={busy} onClick={() => void choose('server')} data-testid="survey-take-server">{t('field.survey.takeServer')}</Button>
        </Space.Compact>
      </Card>
    );
  }
  return (
    <Card size="small" title={title} data-testid={`survey-refused-${sub.form}`}>
      <Alert type="error" showIcon className="block-gap" title={t('field.survey.refused', { message: sub.failed?.message[lang] ?? '' })} description={sub.failed?.code} />
      <Link to={link}>
        <Button block>{t('field.survey.fix')}</Button>
      </Link>
    </Card>
  );
}
