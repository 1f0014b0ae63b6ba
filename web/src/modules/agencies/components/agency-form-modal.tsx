import { Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import type { Agency, AgencyInput } from '../../../api/types.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { PHONE_PATTERN } from '../../users/utils/user-rules.ts';
import { useSaveAgency } from '../hooks/use-save-agency.ts';

// GB 32100-2015: 18 characters from digits and capitals without I, O, S, V, Z.
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

type Values = Required<{ [K in keyof AgencyInput]: string }>;

const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Rendered only while open, so each opening starts from a fresh form. */
export function AgencyFormModal({ agency, onClose }: { agency?: Agency; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const save = useSaveAgency();

  const initial: Partial<Values> = agency
    ? {
        name: agency.name,
        regionCode: agency.regionCode,
        creditCode: agency.creditCode ?? '',
        contact: agency.contact ?? '',
        phone: agency.phone ?? '',
        contractRef: agency.contractRef ?? '',
      }
    : { regionCode: session.regionCode };

  const onFinish = (v: Values) => {
    const body: AgencyInput = {
      name: v.name.trim(),
      regionCode: v.regionCode,
      creditCode: blankToNull(v.creditCode)?.toUpperCase() ?? null,
      contact: blankToNull(v.contact),
      phone: blankToNull(v.phone),
      contractRef: blankToNull(v.contractRef),
    };
    save.mutate(
      { id: agency?.id, version: agency?.version, body },
      {
        onSuccess: () => (notify.success(agency ? t('common.saved') : t('common.created')), onClose()),
        onError: (e) => {
          notify.error(e);
          if (isApiError(e, 'VERSION_CONFLICT')) onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={agency ? t('agencies.edit') : t('agencies.create')}
      onCancel={onClose}
      mask={{ closable: false }}
      width={560}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="ok" type="primary" data-testid="agency-submit" loading={save.isPending} onClick={() => form.submit()}>
          {agency ? t('common.save') : t('common.create')}
        </Button>,
      ]}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} requiredMark="optional">
        <Form.Item label={t('agencies.name')} name="name" htmlFor="agency-name" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input id="agency-name" maxLength={200} />
        </Form.Item>
        <Form.Item label={t('agencies.region')} name="regionCode" htmlFor="agency-region" rules={[{ required: true, message: t('common.required') }]}>
          <RegionPicker id="agency-region" data-testid="agency-region" />
        </Form.Item>
        <Form.Item
          label={t('agencies.creditCode')}
          name="creditCode"
          htmlFor="agency-creditCode"
          normalize={(v: string) => v.toUpperCase()}
          rules={[{ pattern: CREDIT_CODE, message: t('agencies.creditCodeInvalid') }]}
        >
          <Input id="agency-creditCode" maxLength={18} showCount />
        </Form.Item>
        <Form.Item label={t('agencies.contact')} name="contact" htmlFor="agency-contact">
          <Input id="agency-contact" maxLength={64} />
        </Form.Item>
        <Form.Item label={t('agencies.phone')} name="phone" htmlFor="agency-phone" rules={[{ pattern: PHONE_PATTERN, message: t('users.phoneInvalid') }]}>
          <Input id="agency-phone" maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item label={t('agencies.contractRef')} name="contractRef" htmlFor="agency-contractRef">
          <Input id="agency-contractRef" maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
