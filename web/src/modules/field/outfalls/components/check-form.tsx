import { AimOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Radio, Select, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISCHARGING, OUTFALL_TYPES, WATER_TYPES, type CheckVerdict } from '../../../../../../src/domains/outfalls/rules/outfall.ts';
import { useSession } from '../../../auth/hooks/use-session.ts';
import { useLang } from '../../../ui/hooks/use-lang.ts';
import { useNotify } from '../../../ui/hooks/use-notify.ts';
import { useOnlineStatus } from '../../hooks/use-online-status.ts';
import { currentPosition, usePosition } from '../../hooks/use-position.ts';
import { CHECK_VERDICTS, requiredFor, toCheckBody, type CheckFormValues } from '../check-rules.ts';
import type { CheckBody } from '../types.ts';
import type { usePhotoUploads } from '../use-photo-uploads.ts';
import { CheckPhotos } from './check-photos.tsx';
import { QuickTests } from './quick-tests.tsx';
import { SourcePicker } from './source-picker.tsx';

interface Props {
  initial: CheckFormValues;
  /** The verdicts offered (an outfall found on foot cannot be "not an outfall"). */
  verdicts?: CheckVerdict[];
  photos: ReturnType<typeof usePhotoUploads>;
  submitting: boolean;
  /** A position is required (found on foot: the point is the outfall). */
  requirePosition?: boolean;
  /** Fill the position from the GPS as soon as there is one, unless one is entered already. */
  autoPosition?: boolean;
  /** Photos upload after submitting (found on foot) rather than before. */
  photosAfter?: boolean;
  /** The body for the API, and the form's values (kept across a reload after a conflict). */
  onSubmit: (body: CheckBody, values: CheckFormValues) => void;
}

/** The field check (现场核查): verdict, position, what flows where, quick tests, who is responsible, photos. */
export function CheckForm({ initial, verdicts = CHECK_VERDICTS, photos, submitting, requirePosition, autoPosition, photosAfter, onSubmit }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const session = useSession();
  const [form] = Form.useForm<CheckFormValues>();
  const verdict = Form.useWatch('verdict', form);
  const needs = requiredFor(verdict);
  const [locating, setLocating] = useState(false);
  const online = useOnlineStatus();
  const { position } = usePosition();
  const hasFix = !!position;
  useEffect(() => {
    if (!autoPosition || !position || form.getFieldValue('lat') != null || form.getFieldValue('lng') != null) return;
    form.setFieldsValue({ lat: Math.round(position.lat * 1e6) / 1e6, lng: Math.round(position.lng * 1e6) / 1e6 });
    // Only the first fix: later ones must not move a point the taker has set.
  }, [autoPosition, hasFix, form]);

  const useMyPosition = async () => {
    setLocating(true);
    try {
      const p = await currentPosition();
      form.setFieldsValue({ lat: Math.round(p.lat * 1e6) / 1e6, lng: Math.round(p.lng * 1e6) / 1e6 });
      notify.success(t('field.outfalls.positionUpdated', { m: Math.round(p.accuracy) }));
    } catch {
      notify.error(new Error(t('field.outfalls.positionFailed')));
    } finally {
      setLocating(false);
    }
  };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    if (!photosAfter && photos.pending) return notify.error(new Error(t('field.outfalls.photosPending')));
    onSubmit(toCheckBody(values), values);
  };

  const coordRule = { required: !!requirePosition, message: t('field.outfalls.positionRequired') };
  return (
    <Form form={form} layout="vertical" initialValues={initial} requiredMark={false} scrollToFirstError data-testid="outfall-check-form">
      <Card size="small" title={t('field.outfalls.verdict')} className="block-gap">
        <Form.Item name="verdict" rules={[{ required: true, message: t('field.outfalls.verdictRequired') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" block size="large" data-testid="outfall-verdict">
            {verdicts.map((v) => (
              <Radio.Button key={v} value={v}>
                <span data-testid={`outfall-verdict-${v}`}>{t(`field.outfalls.verdicts.${v}`)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      </Card>
      <Card
        size="small"
        title={t('field.outfalls.position')}
        className="block-gap"
        extra={
          <Button size="small" icon={<AimOutlined />} loading={locating} onClick={() => void useMyPosition()} data-testid="outfall-use-position">
            {t('field.outfalls.useMyPosition')}
          </Button>
        }
      >
        <div className="outfall-coords">
          <Form.Item name="lat" label={t('field.outfalls.lat')} rules={[coordRule]}>
            <InputNumber inputMode="decimal" min={-90} max={90} precision={6} style={{ width: '100%' }} data-testid="outfall-lat" />
          </Form.Item>
          <Form.Item name="lng" label={t('field.outfalls.lng')} rules={[coordRule]}>
            <InputNumber inputMode="decimal" min={-180} max={180} precision={6} style={{ width: '100%' }} data-testid="outfall-lng" />
          </Form.Item>
        </div>
      </Card>
      <Card size="small" title={t('field.outfalls.check')} className="block-gap">
        <Form.Item name="type" label={t('field.outfalls.type')} rules={[{ required: needs.includes('type'), message: t('field.outfalls.typeRequired') }]}>
          <Select allowClear options={OUTFALL_TYPES.map((o) => ({ value: o.code, label: o[lang] }))} data-testid="outfall-type" />
        </Form.Item>
        <Form.Item name="waterBody" label={t('field.outfalls.waterBody')} rules={[{ required: needs.includes('waterBody'), whitespace: true, message: t('field.outfalls.waterBodyRequired') }, { max: 100 }]}>
          <Input data-testid="outfall-water-body" />
        </Form.Item>
        <Form.Item name="waterType" label={t('field.outfalls.waterType')}>
          <Radio.Group optionType="button" block data-testid="outfall-water-type">
            {WATER_TYPES.map((w) => (
              <Radio.Button key={w} value={w}>
                <span data-testid={`outfall-water-type-${w}`}>{t(`field.outfalls.waterTypes.${w}`)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="discharging" label={t('field.outfalls.discharging')}>
          <Radio.Group optionType="button" block data-testid="outfall-discharging">
            {DISCHARGING.map((d) => (
              <Radio.Button key={d} value={d}>
                <span data-testid={`outfall-discharging-${d}`}>{t(`field.outfalls.dischargingOptions.${d}`)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="flowM3d" label={t('field.outfalls.flow')}>
          <InputNumber inputMode="decimal" min={0} max={1e8} style={{ width: '100%' }} data-testid="outfall-flow" />
        </Form.Item>
      </Card>
      <Card size="small" title={t('field.outfalls.tests')} className="block-gap">
        <QuickTests form={form} />
      </Card>
      <Card size="small" title={t('field.outfalls.responsible')} className="block-gap">
        <Form.Item name="responsibleName" label={t('field.outfalls.responsibleName')} rules={[{ max: 200 }]}>
          <Input data-testid="outfall-responsible" />
        </Form.Item>
        {session.permissions.includes('directory.read') && (
          <Form.Item name="sourceId" label={t('field.outfalls.source')}>
            <SourcePicker onPicked={(name) => !form.getFieldValue('responsibleName') && form.setFieldValue('responsibleName', name)} />
          </Form.Item>
        )}
      </Card>
      <Card size="small" title={t('field.outfalls.note')} className="block-gap">
        <Form.Item name="note" dependencies={['verdict']} rules={[{ required: needs.includes('note'), whitespace: true, message: t('field.outfalls.noteRequired') }, { max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="outfall-note" />
        </Form.Item>
      </Card>
      <Card size="small" title={t('field.outfalls.photos')} className="block-gap">
        <CheckPhotos photos={photos} onTooLarge={() => notify.error(new Error(t('field.outfalls.photoTooLarge')))} />
      </Card>
      <div className="form-actions" style={{ gridTemplateColumns: '1fr' }}>
        <Tooltip title={!photosAfter && photos.pending ? t('field.outfalls.photosPending') : undefined}>
          <Button size="large" type="primary" block loading={submitting} disabled={submitting || !online || (!photosAfter && photos.pending)} onClick={() => void submit()} data-testid="outfall-submit">
            {t('field.outfalls.submit')}
          </Button>
        </Tooltip>
      </div>
    </Form>
  );
}
