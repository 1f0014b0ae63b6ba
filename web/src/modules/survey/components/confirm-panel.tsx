import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { SourceSurvey, SurveyConfirmation } from '../../../api/survey-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { surveyKeys } from '../utils/survey-keys.ts';

interface Values {
  legalRep: string;
  statement: string;
  agree: boolean;
}

const SENT = ['submitted', 'approved', 'locked'];

/** What the server would cover: the revision of every applicable form sent; null while one is missing or a draft. */
export function confirmableRevisions(data: SourceSurvey): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const f of data.forms) {
    if (f.status === 'not-required') continue;
    const s = f.submission;
    if (s && !SENT.includes(s.status)) return null;
    if (!s && f.status === 'required' && f.defined) return null;
    if (s) out[f.code] = s.rev;
  }
  return out;
}

/** 法定代表人确认: the last step of filling, the first of the review chain (docs/survey-api.md). */
export function ConfirmPanel({ data, dirty }: { data: SourceSurvey; dirty: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const qc = useQueryClient();
  const id = data.source.id;
  const revisions = dirty ? null : confirmableRevisions(data);
  const confirm = useMutation({
    mutationFn: (v: Values) => api.post<SurveyConfirmation>(`/api/v1/sources/${id}/survey/confirm`, { legalRep: v.legalRep.trim(), confirmed: true, statement: v.statement, revisions }),
    onSuccess: () => {
      notify.success(t('survey.confirm.success'));
      void qc.invalidateQueries({ queryKey: surveyKeys.source(id) });
    },
    onError: (err) => {
      notify.error(err);
      void qc.invalidateQueries({ queryKey: surveyKeys.source(id) });
    },
  });
  const c = data.confirmation;
  return (
    <Card size="small" className="block-gap" data-testid="confirm-panel" title={<><SafetyCertificateOutlined /> {t('survey.confirm.title')}</>}>
      {c ? (
        <Alert type="success" showIcon data-testid="confirm-done" title={t('survey.confirm.done', { legalRep: c.legalRep, at: formatDateTime(c.at, lang), by: c.by ?? '—', count: Object.keys(c.revisions).length })} />
      ) : !revisions ? (
        <Alert type="info" showIcon data-testid="confirm-not-ready" title={t('survey.confirm.notReady')} />
      ) : (
        <Form<Values> layout="vertical" requiredMark={false} initialValues={{ statement: t('survey.confirm.defaultStatement'), agree: false }} onFinish={(v) => confirm.mutate(v)}>
          <Alert type="warning" showIcon className="block-gap" title={t('survey.confirm.hint')} />
          <Form.Item label={t('survey.confirm.legalRep')} name="legalRep" rules={[{ required: true, whitespace: true, message: t('survey.confirm.legalRepRequired') }]}>
            <Input maxLength={100} data-testid="confirm-legal-rep" />
          </Form.Item>
          <Form.Item label={t('survey.confirm.statement')} name="statement">
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
          <Form.Item name="agree" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('survey.confirm.agreeRequired')))) }]}>
            <Checkbox data-testid="confirm-agree">{t('survey.confirm.agree')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="confirm-submit">{t('survey.confirm.submit')}</Button>
        </Form>
      )}
    </Card>
  );
}
