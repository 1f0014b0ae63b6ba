import { ArrowLeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, List, Result, Spin, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOGUE } from '../../../../../src/domains/survey/forms/index.ts';
import { formVerdict } from '../../survey/utils/verdict.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useIdb } from '../hooks/use-idb.ts';
import { useStates } from '../hooks/use-states.ts';
import { useSurveyFill } from '../hooks/use-survey-fill.ts';
import { STORES } from '../utils/field-db.ts';
import { applicableForms, unitSourceInfo } from '../utils/survey-source.ts';
import { surveyData, type SurveyData } from '../utils/survey-store.ts';
import { FieldSurveyForm } from './field-survey-form.tsx';
import { LocalStatus } from './survey-status.tsx';

interface Props {
  packageId: number;
  unitKey: string;
  /** The form on screen (null: the list of forms). */
  form: string | null;
  onOpenForm: (code: string | null) => void;
  onBack: () => void;
}

const names = new Map(CATALOGUE.map((e) => [e.code, e.name]));
const STATUS_COLOR = { required: 'red', undetermined: 'default', 'not-required': 'default' } as const;

/** 入户调查 of one unit on the device: the forms it fills, each filled with the live checks, offline. */
export function FieldSurvey(props: Props) {
  const { t } = useTranslation();
  const data = useIdb(`survey:${props.unitKey}`, [STORES.units, STORES.outbox, STORES.submissions], () => surveyData(props.unitKey));
  if (data.loading) return <Spin />;
  if (!data.data) return <Result status="404" title={t('field.form.notFound')} extra={<Button onClick={props.onBack}>{t('field.form.back')}</Button>} />;
  return <SurveyBody key={props.unitKey} {...props} data={data.data} />;
}

function SurveyBody({ packageId, unitKey, form, onOpenForm, onBack, data }: Props & { data: SurveyData }) {
  const { t } = useTranslation();
  const lang = useLang();
  const states = useStates();
  const { unit, entry } = data;
  const source = useMemo(() => unitSourceInfo(unit, entry), [unit, entry]);
  const fill = useSurveyFill(unitKey, packageId, source, data.submissions, form);
  const subs = new Map(data.submissions.map((s) => [s.form, s]));
  const answers = useMemo(() => Object.fromEntries(Object.entries(fill.state.forms).map(([c, f]) => [c, f.answers])), [fill.state.forms]);
  const forms = useMemo(() => (source ? applicableForms(source, answers) : []), [source, answers]);
  const stateCode = entry?.item.state ?? unit.record?.state ?? null;
  const state = states.find((s) => s.code === stateCode);
  // A unit with no state yet may be surveyed (pilot counties run ahead of the inventory).
  const surveyed = !state || state.toSurvey;
  const name = unit.source.name;

  if (form && surveyed && source) {
    return (
      <FieldSurveyForm
        code={form}
        unitKey={unitKey}
        name={name}
        fill={fill}
        sub={subs.get(form)}
        onOpenForm={(c) => onOpenForm(c)}
        onBack={() => onOpenForm(null)}
      />
    );
  }
  return (
    <div data-testid="field-survey" data-unit={unitKey}>
      <div className="field-row block-gap">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="fs-back">
          {t('field.survey.back')}
        </Button>
        <Typography.Text strong ellipsis>{t('field.survey.title')} · {name}</Typography.Text>
      </div>
      {!surveyed && <Alert type="warning" showIcon data-testid="fs-not-surveyed" title={t('field.survey.notSurveyed')} />}
      {surveyed && !source && <Alert type="warning" showIcon title={t('field.survey.notFillable', { category: unit.source.category ?? '—' })} />}
      {surveyed && source && (
        <Card size="small" title={t('field.survey.forms')}>
          <List
            dataSource={forms}
            renderItem={(f) => {
              const s = formVerdict(fill.verdict, f.code).summary;
              const n = names.get(f.code);
              return (
                <List.Item className="fs-form-item" onClick={() => onOpenForm(f.code)} data-testid={`fs-form-${f.code}`} extra={<RightOutlined />}>
                  <div className="fs-form-line">
                    <Typography.Text strong>{f.code}</Typography.Text>{' '}
                    {s.blocking > 0 ? <Badge count={s.blocking} size="small" /> : s.unexplained > 0 ? <Badge count={s.unexplained} size="small" color="orange" /> : null}
                    <div className="muted">{n ? (lang === 'en' ? n.en : n.zh) : ''}</div>
                    <Tag className="inline-tag" color={STATUS_COLOR[f.status]}>{t(`field.survey.formStatus.${f.status}`)}</Tag>
                    <LocalStatus sub={subs.get(f.code)} />
                  </div>
                </List.Item>
              );
            }}
          />
        </Card>
      )}
    </div>
  );
}
