import { Form, Input, InputNumber, Modal, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { WATER_TYPES } from '../../../../../src/domains/outfalls/rules/outfall.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useSaveReach } from '../hooks/use-outfalls.ts';
import type { Reach, WaterType } from '../utils/outfalls-api.ts';
import { formatPath, parsePath } from '../utils/reach-path.ts';

interface Values {
  regionCode: string;
  name: string;
  waterBody: string;
  waterType: WaterType;
  lengthKm?: number | null;
  landwardM: number;
  waterwardM: number;
  path?: string;
}

interface Props {
  /** The reach edited, or null for a new one. */
  reach: Reach | null;
  onClose: (saved?: Reach) => void;
}

/** A reach and its survey corridor (default 2,000 m landward, 200 m waterward); its line is optional. */
export function ReachFormModal({ reach, onClose }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const notify = useNotify();
  const save = useSaveReach();
  const [form] = Form.useForm<Values>();

  const initial: Values = reach
    ? {
      regionCode: reach.regionCode, name: reach.name, waterBody: reach.waterBody, waterType: reach.waterType,
      lengthKm: reach.lengthKm == null ? null : Number(reach.lengthKm), landwardM: reach.landwardM, waterwardM: reach.waterwardM, path: formatPath(reach.path),
    }
    : { regionCode: session.regionCode, name: '', waterBody: '', waterType: 'river', lengthKm: null, landwardM: 2000, waterwardM: 200, path: '' };

  const submit = (v: Values) => {
    const parsed = parsePath(v.path ?? '');
    if ('error' in parsed) {
      form.setFields([{ name: 'path', errors: [t('outfalls.reach.pathError', { line: parsed.error })] }]);
      return;
    }
    const body = {
      regionCode: v.regionCode, name: v.name.trim(), waterBody: v.waterBody.trim(), waterType: v.waterType,
      // An edit sends null to clear a length or line; a new reach simply leaves them out.
      lengthKm: v.lengthKm ?? (reach ? null : undefined), landwardM: v.landwardM, waterwardM: v.waterwardM, path: parsed.path ?? (reach ? null : undefined),
    };
    save.mutate({ id: reach?.id, version: reach?.version, body }, {
      onSuccess: (r) => { notify.success(t('common.saved')); onClose(r); },
      onError: notify.error,
    });
  };

  return (
    <Modal
      open
      title={reach ? t('outfalls.reach.editTitle', { name: reach.name }) : t('outfalls.reach.newTitle')}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'reach-save' } as ButtonProps}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="horizontal" labelCol={{ span: 7 }} initialValues={initial} onFinish={submit} data-testid="reach-form">
        <Form.Item name="regionCode" label={t('outfalls.fields.region')} rules={[{ required: true }]}>
          <RegionPicker data-testid="reach-region" />
        </Form.Item>
        <Form.Item name="name" label={t('outfalls.reach.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="reach-name" />
        </Form.Item>
        <Form.Item name="waterBody" label={t('outfalls.fields.waterBody')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="reach-water-body" />
        </Form.Item>
        <Form.Item name="waterType" label={t('outfalls.fields.waterType')} rules={[{ required: true }]}>
          <Select data-testid="reach-water-type" options={WATER_TYPES.map((w) => ({ value: w, label: t(`outfalls.waterTypes.${w}`) }))} />
        </Form.Item>
        <Form.Item name="lengthKm" label={t('outfalls.reach.lengthKm')}>
          <InputNumber data-testid="reach-length" min={0} max={10000} step={0.1} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="landwardM" label={t('outfalls.reach.landwardM')} rules={[{ required: true }]}>
          <InputNumber data-testid="reach-landward" min={0} max={50000} step={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="waterwardM" label={t('outfalls.reach.waterwardM')} rules={[{ required: true }]}>
          <InputNumber data-testid="reach-waterward" min={0} max={50000} step={50} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="path" label={t('outfalls.reach.path')} extra={t('outfalls.reach.pathHint')}>
          <Input.TextArea data-testid="reach-path" autoSize={{ minRows: 3, maxRows: 8 }} className="option-code" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
