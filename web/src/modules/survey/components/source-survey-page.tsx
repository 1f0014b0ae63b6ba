import { ArrowLeftOutlined, PieChartOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import { EDITABLE_STATUSES, type SourceForm } from '../../../api/survey-types.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { NotFoundPage } from '../../layout/components/not-found-page.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useSourceFill } from '../hooks/use-source-fill.ts';
import { useSourceSurvey } from '../hooks/use-source-survey.ts';
import { AttachmentContext } from '../contexts/attachment-context.ts';
import { consoleAttachments } from '../utils/attachments.ts';
import { formVerdict } from '../utils/verdict.ts';
import { FillWorkspace } from './fill-workspace.tsx';
import { FormTabs } from './form-tabs.tsx';
import { SubmissionBar } from './submission-bar.tsx';
import { ConfirmPanel } from './confirm-panel.tsx';
import { InvitationButton } from './invitation-button.tsx';
import { XlsxButtons } from './xlsx-buttons.tsx';

const STATUS_COLOR = { required: 'red', undetermined: 'default', 'not-required': 'default' } as const;
const nameOf = (f: SourceForm | undefined, lang: 'zh' | 'en') => (f ? (lang === 'en' ? f.nameEn : f.nameZh) : '');

/** 入户调查 of one source: its applicable forms as tabs, the form with live checks, save and submit. */
export function SourceSurveyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const survey = useSourceSurvey(id);
  const { state, dispatch, verdict, fillable, current: code, bases, saved, reload, loading, error, source } = useSourceFill(survey.data, params.get('form'));
  const open = useCallback((c: string) => setParams({ form: c }, { replace: true }), [setParams]);
  const attachments = useMemo(() => consoleAttachments(id), [id]);
  const formOf = (c: string | undefined) => survey.data?.forms.find((f) => f.code === c);

  const s = survey.data?.source;
  const stored = code ? bases[code] : undefined;
  const fv = code ? formVerdict(verdict, code) : null;
  const others = (survey.data?.forms ?? []).filter((f) => !fillable.includes(f));
  // A form the review chain has approved or locked, or a source that does not go on, is read only.
  const editable = !!s?.surveyed && (!stored?.status || EDITABLE_STATUSES.includes(stored.status));
  const canFill = can('survey.fill') && editable;

  // A source out of reach answers 404 like a missing one: the page says so the same way.
  if (!Number.isInteger(id) || id < 1 || (isApiError(survey.error) && survey.error.status === 404)) {
    return <div data-testid="source-survey-missing"><NotFoundPage /></div>;
  }
  return (
    <div className="page" data-testid="source-survey" data-source={id}>
      <Card
        size="small"
        extra={
          <Space>
            {can('accounting.read') && <Button size="small" icon={<PieChartOutlined />} onClick={() => navigate(`/emissions/sources/${id}`)} data-testid="source-survey-emissions">{t('emissions.source.open')}</Button>}
            {can('survey.invite') && s?.surveyed && <InvitationButton sourceId={id} />}
          </Space>
        }
        title={
          <Space>
            {/* Only those who may browse the directory have a list of sources to go back to. */}
            {can('directory.read') && <Button size="small" type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/survey')} aria-label={t('common.back')} />}
            <span data-testid="source-survey-name">{s?.name ?? t('survey.title')}</span>
          </Space>
        }
      >
        <QueryErrorAlert error={survey.error ?? error} onRetry={survey.refetch} />
        {s && (
          <Descriptions size="small" column={4} className="block-gap" items={[
            { key: 'category', label: t('survey.category'), children: <span title={s.kind}>{s.formCategory} · {t(`directory.categories.${s.category}`, { defaultValue: s.category })}</span> },
            { key: 'industry', label: t('survey.industry'), children: s.industryCode ?? t('common.none') },
            { key: 'region', label: t('survey.region'), children: s.regionCode },
            { key: 'inventory', label: t('survey.inventoryState'), children: s.inventoryState ?? t('common.none') },
          ]} />
        )}
        {s && !s.surveyed && <Alert className="block-gap" type="warning" showIcon data-testid="source-not-surveyed" title={t('survey.notSurveyed')} />}
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
              name={(c) => nameOf(formOf(c), lang)}
              note={(c) => {
                const f = formOf(c)!;
                const st = bases[c]?.status ?? f.submission?.status;
                return (
                  <>
                    <Tag className="inline-tag" color={STATUS_COLOR[f.status]}>{t(`survey.formStatus.${f.status}`)}</Tag>
                    {st && <Tag className="inline-tag" color={st === 'submitted' ? 'success' : 'processing'} data-testid={`sf-tab-status-${c}`}>{t(`survey.subStatus.${st}`)}</Tag>}
                  </>
                );
              }}
            />
            {code && state.forms[code] && stored && fv && (
              <AttachmentContext.Provider value={attachments}>
                <FillWorkspace
                  code={code}
                  state={state}
                  dispatch={dispatch}
                  verdict={verdict}
                  onOpenForm={open}
                  readOnly={!canFill}
                  toolbar={
                    <div className="sf-toolbar">
                      <Typography.Title level={5} className="sf-title">{code} {nameOf(formOf(code), lang)}</Typography.Title>
                      <SubmissionBar
                        sourceId={id}
                        fill={state.forms[code]}
                        stored={stored}
                        dirty={!!state.dirty[code]}
                        summary={fv.summary}
                        issues={fv.issues}
                        canFill={canFill}
                        onSaved={saved}
                        onReload={reload}
                      />
                      <Space wrap>
                        <XlsxButtons sourceId={id} form={code} version={state.forms[code].version} id={stored.id} dirty={!!state.dirty[code]} canFill={canFill} onLoaded={reload} />
                      </Space>
                    </div>
                  }
                />
              </AttachmentContext.Provider>
            )}
            {can('survey.confirm') && s?.surveyed && survey.data && (
              <ConfirmPanel data={survey.data} dirty={Object.values(state.dirty).some(Boolean)} />
            )}
            {others.length > 0 && (
              <Typography.Paragraph type="secondary" className="block-gap">
                {others.map((f) => (
                  <Tag key={f.code} title={nameOf(f, lang)} data-testid={`sf-other-${f.code}`}>
                    {f.code} · {f.defined ? t(`survey.formStatus.${f.status}`) : t('survey.notDefinedShort')}
                    {f.submission && ` · ${t(`survey.subStatus.${f.submission.status}`)}`}
                  </Tag>
                ))}
              </Typography.Paragraph>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
