import { Alert, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { SOURCE_CATEGORIES, type Source, type SourceCategory, type SourceSupplement } from '../../../api/types.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { useSupplementSource } from '../hooks/use-supplement-source.ts';

type Values = SourceSupplement;

const TEXT_FIELDS = [
  ['address', 300],
  ['legalRep', 60],
  ['phone', 40],
] as const;

/** Only the filled-in fields, trimmed: the server takes absent optional fields, not empty strings. */
function bodyOf(v: Values): SourceSupplement {
  const body: SourceSupplement = { regionCode: v.regionCode, name: v.name.trim() };
  for (const k of ['creditCode', 'address', 'legalRep', 'phone', 'industryCode'] as const) {
    const s = v[k]?.trim();
    if (s) body[k] = k === 'creditCode' || k === 'industryCode' ? s.toUpperCase() : s;
  }
  if (v.category) body.category = v.category;
  return body;
}

export function SourceSupplementModal({ onClose, onCreated }: { onClose: () => void; onCreated: (s: Source) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const session = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const supplement = useSupplementSource();

  const submit = (v: Values) => {
    setError(null);
    supplement.mutate(bodyOf(v), {
      onSuccess: (s) => {
        notify.success(t('directory.supplemented', { name: s.name }));
        onCreated(s);
      },
      onError: (e) => {
        // A bad credit code is the field's problem: say so under it.
        if (isApiError(e, 'DIRECTORY_CREDIT_CODE_INVALID')) form.setFields([{ name: 'creditCode', errors: [e.textIn(lang)] }]);
        else setError(e);
      },
    });
  };

  return (
    <Modal
      open
      title={t('directory.supplementTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      okButtonProps={{ loading: supplement.isPending, 'data-testid': 'supplement-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      data-testid="supplement-modal"
    >
      <Form<Values> form={form} layout="vertical" requiredMark="optional" initialValues={{ regionCode: session.regionCode, category: 'industrial' }} onFinish={submit}>
        <Form.Item label={t('directory.fields.regionCode')} name="regionCode" htmlFor="supplement-region" rules={[{ required: true, message: t('common.required') }]}>
          <RegionPicker id="supplement-region" data-testid="supplement-region" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('directory.fields.name')} name="name" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input data-testid="supplement-name" maxLength={200} />
        </Form.Item>
        <Form.Item
          label={t('directory.fields.creditCode')}
          name="creditCode"
          rules={[{ pattern: /^\s*[0-9A-Za-z]{18}\s*$/, message: t('directory.creditCodeFormat') }]}
        >
          <Input data-testid="supplement-creditCode" maxLength={40} className="mono" />
        </Form.Item>
        {TEXT_FIELDS.map(([k, max]) => (
          <Form.Item key={k} label={t(`directory.fields.${k}`)} name={k}>
            <Input data-testid={`supplement-${k}`} maxLength={max} />
          </Form.Item>
        ))}
        <Form.Item label={t('directory.fields.industryCode')} name="industryCode" rules={[{ pattern: /^\s*([A-Ta-t]|[0-9]{2,4})\s*$/, message: t('directory.industryInvalid') }]}>
          <Input data-testid="supplement-industryCode" maxLength={4} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label={t('directory.fields.category')} name="category">
          <Select<SourceCategory> data-testid="supplement-category" options={SOURCE_CATEGORIES.map((c) => ({ value: c, label: t(`directory.categories.${c}`) }))} />
        </Form.Item>
      </Form>
      {error != null && <Alert type="error" showIcon data-testid="supplement-error" title={errorText(error, lang)} />}
    </Modal>
  );
}
