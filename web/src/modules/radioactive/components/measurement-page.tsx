import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { measurementProblem, screen, type Screening } from '../../../../../src/domains/radioactive/rules/screening.ts';
import { inChina } from '../../../../../src/core/geo.ts';
import { isApiError } from '../../../api/client.ts';
import { PageSpinner } from '../../layout/components/page-spinner.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { todayInChina } from '../../ui/utils/census-day.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { useAddMeasurement, useEnterprise } from '../hooks/use-radioactive.ts';
import { detailOfDetails, emptyRow, fieldOfDetails, locateField, measurementBody, type PointRow } from '../utils/points.ts';
import { PointsEditor } from './points-editor.tsx';
import { ScreeningView } from './screening-view.tsx';

type FormField = 'body' | 'measuredOn' | 'backgroundNGyH' | 'points';
interface Problems { cells: Map<string, string>; form: Partial<Record<FormField, string>>; other: string | null }

/** /radioactive/enterprises/:id/measure — a new initial measurement with its points, screened live before saving. */
export function MeasurementPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const ent = useEnterprise(id);
  const save = useAddMeasurement(id);
  const [body, setBody] = useState('');
  const [measuredOn, setMeasuredOn] = useState(todayInChina());
  const [background, setBackground] = useState('');
  const [rows, setRows] = useState<PointRow[]>(() => [emptyRow('ore'), emptyRow('raw'), emptyRow('waste')]);
  const [server, setServer] = useState<{ field: string | null; text: string } | null>(null);
  const [tried, setTried] = useState(false);
  const edit = <T,>(set: (v: T) => void) => (v: T) => (set(v), setServer(null));

  // Everything the form knows before saving: unreadable cells, the shared rule's first problem, the verdict.
  const check = useMemo(() => {
    const built = measurementBody({ body, measuredOn, background, rows });
    const p: Problems = { cells: new Map(), form: {}, other: null };
    let screening: Screening | null = null;
    let rowOf: number[] = [];
    const put = (field: string, text: string) => {
      const at = locateField(field, rowOf);
      if ('form' in at) p.form[at.form as FormField] ??= text;
      else if (!p.cells.has(`${at.row}:${at.column ?? ''}`)) p.cells.set(`${at.row}:${at.column ?? ''}`, text);
    };
    if (!body.trim()) p.form.body = t('radioactive.measure.required');
    if (!measuredOn) p.form.measuredOn = t('radioactive.measure.required');
    if ('cells' in built) {
      for (const c of built.cells) p.cells.set(`${c.row}:${c.column}`, t(c.problem === 'number' ? 'radioactive.measure.notNumber' : 'radioactive.measure.required'));
      if (built.background) p.form.backgroundNGyH = background.trim() ? t('radioactive.measure.notNumber') : t('radioactive.measure.required');
    } else {
      rowOf = built.rowOf;
      const { backgroundNGyH, points } = built.body;
      const problem = measurementProblem(backgroundNGyH, points, inChina);
      if (problem) put(problem.field, problem.detail);
      screening = screen(backgroundNGyH, points);
    }
    if (server) {
      if (server.field) put(server.field, server.text);
      else p.other = server.text;
    }
    const ready = !('cells' in built) && p.cells.size === 0 && Object.keys(p.form).length === 0 && !p.other;
    return { built, p, screening, ready };
  }, [body, measuredOn, background, rows, server, t]);

  if (ent.isPending) return <PageSpinner />;
  if (!ent.data) return <QueryErrorAlert error={ent.error} onRetry={ent.refetch} />;

  const submit = async () => {
    setTried(true);
    if (!check.ready || 'cells' in check.built) return;
    try {
      const res = await save.mutateAsync(check.built.body);
      notify.success(t(res?.measurement?.screening?.above ? 'radioactive.measure.savedAbove' : 'radioactive.measure.saved'));
      navigate(`/radioactive/enterprises/${id}`);
    } catch (e) {
      const field = isApiError(e) ? fieldOfDetails(e.details) : null;
      // RADIO_MEASUREMENT_INVALID's message already names the field and detail; a bare detail (a schema refusal) is added.
      const detail = isApiError(e) && e.code !== 'RADIO_MEASUREMENT_INVALID' ? detailOfDetails(e.details) : null;
      setServer({ field, text: detail ? t('radioactive.withCode', { name: errorText(e, lang), code: detail }) : errorText(e, lang) });
    }
  };

  const { p, screening } = check;
  const columnLabel = (c: string) => (['label', 'kind', 'lat', 'lng', 'dose'].includes(c) ? t(`radioactive.measure.${c as 'label'}`) : c);
  // Before a first save attempt, only what was typed wrong is red, not what is still empty.
  const formHelp = (f: FormField) => (tried || server || (f === 'backgroundNGyH' && background.trim()) ? p.form[f] : undefined);
  const shownCells = tried || server ? p.cells : new Map([...p.cells].filter(([, v]) => v !== t('radioactive.measure.required')));

  return (
    <Card
      size="small"
      data-testid="radio-measure"
      title={t('radioactive.measure.title', { name: ent.data.name })}
      extra={<Link to={`/radioactive/enterprises/${id}`}>{t('common.back')}</Link>}
    >
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item label={t('radioactive.measure.body')} required validateStatus={formHelp('body') ? 'error' : undefined} help={formHelp('body')}>
              <Input data-testid="radio-m-body" value={body} maxLength={200} onChange={(e) => edit(setBody)(e.target.value)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('radioactive.measure.measuredOn')} required validateStatus={formHelp('measuredOn') ? 'error' : undefined} help={formHelp('measuredOn')}>
              <DatePicker
                data-testid="radio-m-date"
                style={{ width: '100%' }}
                value={measuredOn ? dayjs(measuredOn) : null}
                disabledDate={(d) => d.format('YYYY-MM-DD') > todayInChina()}
                onChange={(d) => edit(setMeasuredOn)(d ? d.format('YYYY-MM-DD') : '')}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label={t('radioactive.measure.background')} required validateStatus={formHelp('backgroundNGyH') ? 'error' : undefined} help={formHelp('backgroundNGyH')}>
              <Input data-testid="radio-m-background" inputMode="decimal" value={background} onChange={(e) => edit(setBackground)(e.target.value)} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Typography.Title level={5}>{t('radioactive.measure.points')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('radioactive.measure.pasteHint')}</Typography.Paragraph>
      {p.form.points && <Alert type="error" showIcon className="block-gap" title={<span data-testid="radio-m-points-problem">{p.form.points}</span>} />}
      <PointsEditor rows={rows} onChange={edit(setRows)} problems={shownCells} />
      <Card size="small" className="block-gap" style={{ marginTop: 12 }} title={t('radioactive.screening.preview')} extra={<Typography.Text type="secondary">{t('radioactive.screening.previewHint')}</Typography.Text>}>
        {screening ? <ScreeningView screening={screening} testId="radio-preview" /> : <Typography.Text type="secondary" data-testid="radio-preview-incomplete">{t('radioactive.screening.incomplete')}</Typography.Text>}
        {[...p.cells].length > 0 && (tried || server) && (
          <ul data-testid="radio-m-cell-problems" style={{ color: '#cf1322', margin: '8px 0 0', paddingLeft: 18 }}>
            {[...p.cells].map(([k, v]) => {
              const [row, column] = k.split(':');
              return <li key={k}>{t('radioactive.measure.rowProblem', { row: Number(row) + 1, detail: column ? t('radioactive.labelled', { label: columnLabel(column), text: v }) : v })}</li>;
            })}
          </ul>
        )}
      </Card>
      {p.other && <Alert type="error" showIcon className="block-gap" title={<span data-testid="radio-m-error">{p.other}</span>} />}
      <Space>
        <Button type="primary" icon={<SaveOutlined />} data-testid="radio-m-save" loading={save.isPending} onClick={() => void submit()}>
          {t('radioactive.measure.save')}
        </Button>
      </Space>
    </Card>
  );
}
