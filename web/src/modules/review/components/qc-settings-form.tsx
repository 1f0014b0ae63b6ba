import { Button, Form, InputNumber } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { QcSettings } from '../../../api/review-types.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useSaveQcSettings } from '../hooks/use-qc.ts';

const FIELDS: { key: keyof QcSettings; min: number; max: number; step: number; precision?: number }[] = [
  { key: 'errorRateMax', min: 0, max: 1, step: 0.005 },
  { key: 'omissionRateMax', min: 0, max: 1, step: 0.005 },
  { key: 'inventoryAdded', min: 0, max: 100, step: 1, precision: 0 },
  { key: 'inventoryDeleted', min: 0, max: 100, step: 1, precision: 0 },
  { key: 'surveyShare', min: 0, max: 1, step: 0.01 },
];

/** The national thresholds and sample sizes (the national office's). */
export function QcSettingsForm({ settings }: { settings: QcSettings }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const save = useSaveQcSettings();
  const [form] = Form.useForm<QcSettings>();
  useEffect(() => form.setFieldsValue(settings), [form, settings]);
  return (
    <Form<QcSettings> form={form} layout="inline" initialValues={settings} data-testid="qc-settings" onFinish={(v) => save.mutate(v, { onSuccess: () => notify.success(t('common.saved')), onError: notify.error })}>
      {FIELDS.map((f) => (
        <Form.Item key={f.key} name={f.key} label={t(`review.qc.${f.key}`)} rules={[{ required: true }]}>
          <InputNumber<number> data-testid={`qc-setting-${f.key}`} min={f.min} max={f.max} step={f.step} precision={f.precision} style={{ width: 90 }} />
        </Form.Item>
      ))}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="qc-settings-save">
          {t('common.save')}
        </Button>
      </Form.Item>
    </Form>
  );
}
