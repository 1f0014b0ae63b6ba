import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useDetailedDone } from '../hooks/use-radioactive.ts';
import type { Enterprise } from '../utils/radioactive-api.ts';

/** "Detailed survey done": from detailed-required, with a note, against the version shown. */
export function DetailedModal({ enterprise, onClose }: { enterprise: Enterprise; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const done = useDetailedDone(enterprise.id);
  const [form] = Form.useForm<{ note: string }>();
  const send = async () => {
    const { note } = await form.validateFields();
    try {
      await done.mutateAsync({ version: enterprise.version, note: note.trim() });
      notify.success(t('radioactive.enterprise.detailedSaved'));
      onClose();
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <Modal
      open
      title={t('radioactive.enterprise.detailedTitle')}
      onCancel={onClose}
      onOk={() => void send()}
      okButtonProps={{ 'data-testid': 'radio-detailed-ok', loading: done.isPending } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('radioactive.enterprise.detailedNote')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 1000 }]}>
          <Input.TextArea data-testid="radio-detailed-note" rows={4} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
