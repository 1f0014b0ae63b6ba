import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

interface Values {
  signedBy: string;
  statement?: string;
}

/** Signing a region's acceptance of a phase: offered only when nothing holds it back. */
export function AcceptForm({ enabled, busy, onAccept }: { enabled: boolean; busy: boolean; onAccept: (v: Values) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <Form form={form} layout="inline" className="block-gap" disabled={!enabled || busy} onFinish={(v) => onAccept({ signedBy: v.signedBy.trim(), statement: v.statement?.trim() || undefined })} data-testid="accept-form">
      <Form.Item name="signedBy" label={t('review.phases.signedBy')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input data-testid="accept-signed-by" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="statement" label={t('review.phases.statement')} rules={[{ max: 2000 }]}>
        <Input data-testid="accept-statement" style={{ width: 360 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="accept-submit">
          {t('review.phases.accept')}
        </Button>
      </Form.Item>
    </Form>
  );
}
