import { Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CensusZone } from '../../../api/inventory-types.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useSaveZone } from '../hooks/use-zones.ts';

interface Props {
  /** The zone to edit; null for a new one in `township`. */
  zone: CensusZone | null;
  township: string;
  onClose: () => void;
}

interface Values {
  name: string;
  keywords: string[];
}

/** A census zone's name and the address fragments that place sources in it. */
export function ZoneFormModal({ zone, township, onClose }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const save = useSaveZone();
  const [form] = Form.useForm<Values>();

  const submit = (v: Values) => {
    const keywords = [...new Set(v.keywords.map((k) => k.trim()).filter(Boolean))];
    const body = zone ? { id: zone.id, version: zone.version, name: v.name.trim(), keywords } : { regionCode: township, name: v.name.trim(), keywords };
    save.mutate(body, { onSuccess: () => (notify.success(t('common.saved')), onClose()), onError: notify.error });
  };

  return (
    <Modal
      open
      title={zone ? t('inventory.plan.editZone') : t('inventory.plan.newZone')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'zone-submit' } as ButtonProps}
      onOk={() => form.submit()}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ name: zone?.name ?? '', keywords: zone?.keywords ?? [] }} onFinish={submit}>
        <Form.Item name="name" label={t('inventory.plan.zoneName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input id="zone-name" data-testid="zone-name" maxLength={60} />
        </Form.Item>
        <Form.Item name="keywords" label={t('inventory.plan.keywords')} extra={t('inventory.plan.keywordsHint')}>
          <Select mode="tags" data-testid="zone-keywords" open={false} tokenSeparators={[',', '，', '、', ' ']} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
