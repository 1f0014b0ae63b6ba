import { Button, Form, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHASES, type Phase, type QcSettings, type SampleBody } from '../../../api/review-types.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useDrawSample } from '../hooks/use-qc.ts';

interface Values {
  regionCode?: string;
  phase: Phase;
  added?: number | null;
  deleted?: number | null;
  share?: number | null;
}

/** Drawing a sample for a county: inventory counts of added and deleted sources, or the survey's share. */
export function SampleDraw({ settings, onDrawn }: { settings: QcSettings | undefined; onDrawn: (id: number) => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const draw = useDrawSample();
  const [form] = Form.useForm<Values>();
  const phase = Form.useWatch('phase', form) ?? 'inventory';
  const submit = (v: Values) => {
    if (!v.regionCode) return;
    const body: SampleBody = { phase: v.phase, regionCode: v.regionCode };
    if (v.phase === 'inventory') {
      if (v.added != null) body.added = v.added;
      if (v.deleted != null) body.deleted = v.deleted;
    } else if (v.share != null) body.share = v.share;
    draw.mutate(body, {
      onSuccess: (s) => {
        notify.success(t('review.qc.drawn', { count: s.items.length }));
        onDrawn(s.id);
      },
      onError: notify.error,
    });
  };
  return (
    <Form form={form} layout="inline" initialValues={{ phase: 'inventory' }} onFinish={submit} data-testid="qc-draw" className="filters">
      <Form.Item name="regionCode" label={t('review.qc.county')} rules={[{ required: true }]}>
        <RegionPicker data-testid="qc-draw-region" />
      </Form.Item>
      <Form.Item name="phase" label={t('review.qc.phase')}>
        <Select<Phase> data-testid="qc-draw-phase" style={{ width: 120 }} options={PHASES.map((p) => ({ value: p, label: t(`review.phases.names.${p}`) }))} />
      </Form.Item>
      {phase === 'inventory' ? (
        <>
          <Form.Item name="added" label={t('review.qc.added')}>
            <InputNumber<number> data-testid="qc-draw-added" min={0} max={100} precision={0} placeholder={String(settings?.inventoryAdded ?? '')} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="deleted" label={t('review.qc.deleted')}>
            <InputNumber<number> data-testid="qc-draw-deleted" min={0} max={100} precision={0} placeholder={String(settings?.inventoryDeleted ?? '')} style={{ width: 80 }} />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="share" label={t('review.qc.share')}>
          <InputNumber<number> data-testid="qc-draw-share" min={0.001} max={1} step={0.01} placeholder={String(settings?.surveyShare ?? '')} style={{ width: 90 }} />
        </Form.Item>
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={draw.isPending} data-testid="qc-draw-submit">
          {t('review.qc.draw')}
        </Button>
      </Form.Item>
    </Form>
  );
}
