import { Form, Input, Modal, Radio, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  busy: boolean;
  /** The form's fields a partial unlock may open, as path and label. */
  fields: { value: string; label: string }[];
  onCancel: () => void;
  onOk: (reason: string, paths: string[] | undefined) => void;
}

/** Unlock an approved or locked record: the whole of it or chosen fields, with a reason. */
export function UnlockModal({ open, busy, fields, onCancel, onOk }: Props) {
  const { t } = useTranslation();
  const [whole, setWhole] = useState(true);
  const [paths, setPaths] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const ok = !!reason.trim() && (whole || paths.length > 0);
  return (
    <Modal
      open={open}
      title={t('review.unlock.title')}
      okText={t('review.unlock.ok')}
      okButtonProps={{ disabled: !ok, loading: busy, 'data-testid': 'unlock-ok' } as ButtonProps}
      onOk={() => onOk(reason.trim(), whole ? undefined : paths)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item>
          <Radio.Group value={whole} onChange={(e) => setWhole(e.target.value)} data-testid="unlock-scope">
            <Radio value={true}>{t('review.unlock.whole')}</Radio>
            <Radio value={false} data-testid="unlock-fields-choice">{t('review.unlock.fields')}</Radio>
          </Radio.Group>
        </Form.Item>
        {!whole && (
          <Form.Item label={t('review.unlock.pickFields')}>
            <Select mode="multiple" data-testid="unlock-fields" value={paths} onChange={setPaths} options={fields} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        <Form.Item label={t('review.unlock.reason')} required help={reason.trim() ? undefined : t('review.unlock.reasonRequired')}>
          <Input.TextArea data-testid="unlock-reason" maxLength={500} autoSize={{ minRows: 2 }} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
