import { Form, Input, InputNumber, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useMarkSuspect } from '../hooks/use-outfalls.ts';
import { positionOf, type Outfall, type OutfallImage } from '../utils/outfalls-api.ts';

interface Values { lat: number | null; lng: number | null; regionCode?: string; note?: string }

interface Props {
  image: OutfallImage;
  at: { imageX: number; imageY: number };
  /** The reach's region, else the image's: the server's own default, shown so it can be changed. */
  regionCode?: string | null;
  onClose: (created?: Outfall) => void;
}

/** A suspect marked on an image: its position starts as the image's EXIF one and can be corrected. */
export function MarkDialog({ image, at, regionCode, onClose }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const mark = useMarkSuspect();
  const [form] = Form.useForm<Values>();
  const exif = positionOf(image);

  const submit = (v: Values) => {
    mark.mutate({
      lat: v.lat!, lng: v.lng!, regionCode: v.regionCode || undefined, reachId: image.reachId ?? undefined,
      imageId: image.id, imageX: at.imageX, imageY: at.imageY, note: v.note?.trim() || undefined,
    }, {
      onSuccess: (o) => { notify.success(t('outfalls.mark.created', { code: o.code })); onClose(o); },
      onError: notify.error,
    });
  };

  return (
    <Modal
      open
      title={t('outfalls.mark.title')}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okText={t('outfalls.mark.save')}
      okButtonProps={{ loading: mark.isPending, 'data-testid': 'mark-save' } as ButtonProps}
      destroyOnHidden
      data-testid="mark-dialog"
    >
      <Typography.Paragraph type="secondary">
        {exif ? t('outfalls.mark.fromExif') : t('outfalls.mark.noExif')} ({at.imageX.toFixed(3)}, {at.imageY.toFixed(3)})
      </Typography.Paragraph>
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        initialValues={{ lat: exif?.lat ?? null, lng: exif?.lng ?? null, regionCode: regionCode ?? undefined, note: '' }}
        onFinish={submit}
      >
        <Form.Item name="lat" label={t('outfalls.mark.lat')} rules={[{ required: true }]}>
          <InputNumber data-testid="mark-lat" min={-90} max={90} step={0.00001} precision={7} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="lng" label={t('outfalls.mark.lng')} rules={[{ required: true }]}>
          <InputNumber data-testid="mark-lng" min={-180} max={180} step={0.00001} precision={7} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('outfalls.fields.region')}>
          <RegionPicker data-testid="mark-region" allowClear />
        </Form.Item>
        <Form.Item name="note" label={t('outfalls.fields.note')}>
          <Input.TextArea data-testid="mark-note" autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
