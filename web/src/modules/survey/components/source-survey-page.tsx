import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { SubmissionDetail } from '../../../api/survey-types.ts';
import { CATALOGUE } from '../../../../../src/domains/survey/forms/index.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useSourceFill } from '../hooks/use-source-fill.ts';
import { useSourceSurvey } from '../hooks/use-source-survey.ts';
import { submissionId } from '../utils/source-info.ts';
import { formVerdict } from '../utils/verdict.ts';
import { FillWorkspace } from './fill-workspace.tsx';
import { FormTabs } from './form-tabs.tsx';
import { SubmissionBar, type Stored } from './submission-bar.tsx';

const names = new Map(CATALOGUE.map((e) => [e.code, e.name]));
const STATUS_COLOR = { required: 'red', undetermined: 'default', 'not-required': 'default' } as const;

/** 入户调查 of one source: its applicable forms as tabs, the form with live checks, save and submit. */
export function SourceSurveyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const survey = useSourceSurvey(id);
  const { state, dispatch, verdict, fillable, loading, error, source } = useSourceFill(survey.data);
  const [saved, setSaved] = useState<Record<string, Stored>>({});
  const code = params.get('form') ?? fillable.find((f) => f.status === 'required')?.code ?? fillable[0]?.code;
  const entry = survey.data?.forms.find((f) => f.code === code);
  const open = useCallback((c: string) => setParams({ form: c }, { replace: true }), [setParams]);

  const stored: Stored | null = useMemo(() => {
    if (!code || !entry) return null;
    return saved[code] ?? { id: submissionId(id, code, entry.submission?.id), rev: entry.submission?.rev ?? null, status: entry.submission?.status ?? null };
  }, [saved, code, entry, id]);

  const onSaved = useCallback((form: string, s: Stored, clean: boolean) => {
    setSaved((prev) => ({ ...prev, [form]: s }));
    if (clean) dispatch({ type: 'saved', form });
  }, [dispatch]);
  const onReload = useCallback((d: SubmissionDetail) => {
    dispatch({ type: 'load', fill: { form: d.form, version: d.version, answers: d.answers ?? {}, explanations: d.explanations ?? {} } });
    setSaved((prev) => ({ ...prev, [d.form]: { id: d.id, rev: d.rev, status: d.status } }));
  }, [dispatch]);

  const s = survey.data?.source;
  const fv = code ? formVerdict(verdict, code) : null;
  const others = (survey.data?.forms ?? []).filter((f) => !fillable.includes(f));

  return (
    <div className="page" data-testid="source-survey">
      <Card
        size="small"
        title={
          <Space>
            <Button size="small" type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/survey')} aria-label={t('common.back')} />
            {s?.name ?? t('survey.title')}
          </Space>
        }
      >
        <QueryErrorAlert error={survey.error ?? error} onRetry={survey.refetch} />
        {s && (
          <Descriptions size="small" column={4} className="block-gap" items={[
            { key: 'category', label: t('survey.category'), children: s.category },
            { key: 'industry', label: t('survey.industry'), children: s.industryCode ?? t('common.none') },
            { key: 'region', label: t('survey.region'), children: s.regionCode },
            { key: 'inventory', label: t('survey.inventoryState'), children: s.inventoryState ?? t('common.none') },
          ]} />
        )}
        {survey.isPending || (survey.data && loading) ? (
          <Spin />
        ) : !survey.data ? null : !source ? (
          <Alert type="warning" showIcon title={t('survey.notFillable', { reason: s?.category ?? '' })} />
        ) : fillable.length === 0 ? (
          <Empty description={t('survey.notDefined')} />
        ) : (
          <>
            <FormTabs
              codes={fillable.map((f) => f.code)}
              current={code!}
              onChange={open}
              verdict={verdict}
              note={(c) => {
                const f = fillable.find((x) => x.code === c)!;
                const st = saved[c]?.status ?? f.submission?.status;
                return (
                  <>
                    <Tag className="inline-tag" color={STATUS_COLOR[f.status]}>{t(`survey.formStatus.${f.status}`)}</Tag>
                    {st && <Tag className="inline-tag" color={st === 'submitted' ? 'success' : 'processing'}>{t(`survey.subStatus.${st}`)}</Tag>}
                  </>
                );
              }}
            />
            {code && state.forms[code] && stored && fv && (
              <FillWorkspace
                code={code}
                state={state}
                dispatch={dispatch}
                verdict={verdict}
                onOpenForm={open}
                readOnly={!can('survey.fill')}
                toolbar={
                  <div className="sf-toolbar">
                    <Typography.Title level={5} className="sf-title">{code} {names.get(code)?.[lang]}</Typography.Title>
                    <SubmissionBar
                      sourceId={id}
                      fill={state.forms[code]}
                      stored={stored}
                      dirty={!!state.dirty[code]}
                      summary={fv.summary}
                      issues={fv.issues}
                      canFill={can('survey.fill')}
                      onSaved={onSaved}
                      onReload={onReload}
                    />
                  </div>
                }
              />
            )}
            {others.length > 0 && (
              <Typography.Paragraph type="secondary" className="block-gap">
                {others.map((f) => (
                  <Tag key={f.code} title={names.get(f.code)?.[lang]}>{f.code} · {t(`survey.formStatus.${f.status}`)}</Tag>
                ))}
              </Typography.Paragraph>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
