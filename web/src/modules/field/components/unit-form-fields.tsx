import { AimOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space, Switch, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { currentPosition } from '../hooks/use-position.ts';
import { round6, type FormValues } from '../utils/form-values.ts';

const CATEGORIES = ['industrial', 'livestock', 'domestic', 'centralised', 'mobile'] as const;
// Pattern checks only: the server checks the credit code's check digit and the rest.
const CREDIT = /^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$/;
const ORG = /^[0-9A-Za-z]{8}-?[0-9Xx]$/;
const INDUSTRY = /^[A-Ta-t0-9][0-9]{0,3}$/;
const PHONE = /^[0-9+\-() ]{5,20}$/;
// The server's limits (a list over them would fail the whole sync batch at the door).
const MAX = { contacts: 10, sites: 20, names: 10, minerals: 20 };

/** The inventory form's fields: who the unit is, where it is, whom to call, where it works. */
export function UnitFormFields({ form }: { form: FormInstance<FormValues> }) {
  const { t } = useTranslation();
  const radioactive = Form.useWatch('radioactive', form);
  const pattern = (re: RegExp, message: string) => ({ pattern: re, message });
  return (
    <>
      <Card size="small" title={t('field.form.basic')} className="block-gap">
        <Form.Item name="name" label={t('field.form.name')} rules={[{ required: true, whitespace: true, message: t('field.form.required') }, { max: 200 }]}>
          <Input size="large" data-testid="form-name" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('field.form.creditCode')} rules={[pattern(CREDIT, t('field.form.badCredit'))]}>
          <Input size="large" maxLength={18} data-testid="form-creditCode" />
        </Form.Item>
        <Form.Item name="orgCode" label={t('field.form.orgCode')} rules={[pattern(ORG, t('field.form.badOrg'))]}>
          <Input size="large" maxLength={10} />
        </Form.Item>
        <Form.Item name="formerNames" label={t('field.form.formerNames')} rules={[{ type: 'array', max: MAX.names }]}>
          <Select mode="tags" size="large" open={false} tokenSeparators={[',', '，']} />
        </Form.Item>
        <Form.Item name="legalRep" label={t('field.form.legalRep')} rules={[{ max: 60 }]}>
          <Input size="large" />
        </Form.Item>
        <Form.Item name="industryCode" label={t('field.form.industryCode')} rules={[pattern(INDUSTRY, t('field.form.badIndustry'))]}>
          <Input size="large" maxLength={5} />
        </Form.Item>
        <Form.Item name="category" label={t('field.form.category')}>
          <Select size="large" options={CATEGORIES.map((c) => ({ value: c, label: t(`directory.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="permitNo" label={t('field.form.permitNo')} rules={[{ max: 60 }]}>
          <Input size="large" />
        </Form.Item>
      </Card>

      <Card size="small" title={t('field.form.location')} className="block-gap">
        <Form.Item name="address" label={t('field.form.address')} rules={[{ max: 300 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} data-testid="form-address" />
        </Form.Item>
        <Coordinates form={form} />
      </Card>

      <Card size="small" title={t('field.form.contacts')} className="block-gap">
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" className="field-row">
                  <Form.Item name={[f.name, 'name']} rules={[{ max: 60 }]}>
                    <Input placeholder={t('field.form.contactName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']} rules={[pattern(PHONE, t('field.form.badPhone'))]}>
                    <Input placeholder={t('field.form.contactPhone')} inputMode="tel" />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('field.form.remove')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button block icon={<PlusOutlined />} disabled={fields.length >= MAX.contacts} onClick={() => add({})}>
                {t('field.form.addContact')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card size="small" title={t('field.form.sites')} className="block-gap">
        <Form.List name="sites">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} className="block-gap">
                  <Form.Item name={[f.name, 'address']} rules={[{ required: true, whitespace: true, message: t('field.form.required') }, { max: 300 }]}>
                    <Input placeholder={t('field.form.siteAddress')} />
                  </Form.Item>
                  <Space>
                    <Form.Item name={[f.name, 'lat']} noStyle>
                      <InputNumber placeholder={t('field.form.lat')} min={-90} max={90} controls={false} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'lng']} noStyle>
                      <InputNumber placeholder={t('field.form.lng')} min={-180} max={180} controls={false} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('field.form.remove')} onClick={() => remove(f.name)} />
                  </Space>
                </div>
              ))}
              <Button block icon={<PlusOutlined />} disabled={fields.length >= MAX.sites} onClick={() => add({ address: '' })}>
                {t('field.form.addSite')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card size="small" title={t('field.form.mineral')} className="block-gap">
        <Form.Item name="radioactive" label={t('field.form.radioactive')} valuePropName="checked">
          <Switch data-testid="form-radioactive" />
        </Form.Item>
        {radioactive && (
          <Form.Item name="minerals" label={t('field.form.minerals')} rules={[{ required: true, type: 'array', min: 1, message: t('field.form.required') }, { type: 'array', max: MAX.minerals }]}>
            <Select mode="tags" size="large" open={false} tokenSeparators={[',', '，']} />
          </Form.Item>
        )}
      </Card>
    </>
  );
}

/** Latitude and longitude in WGS-84 (as the phone's GPS gives them), typed or taken from the device. */
function Coordinates({ form }: { form: FormInstance<FormValues> }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [locating, setLocating] = useState(false);
  const locate = async () => {
    setLocating(true);
    try {
      const p = await currentPosition();
      form.setFieldsValue({ lat: round6(p.lat), lng: round6(p.lng) });
      notify.success(t('field.form.located', { m: Math.round(p.accuracy) }));
    } catch (e) {
      notify.error(new Error(t('field.form.locateFailed', { message: (e as { message?: string }).message ?? '' })));
    } finally {
      setLocating(false);
    }
  };
  return (
    <>
      <Space.Compact block>
        <Form.Item name="lat" label={t('field.form.lat')} rules={[{ type: 'number', min: -90, max: 90, message: t('field.form.badLat') }]} style={{ flex: 1 }}>
          <InputNumber size="large" style={{ width: '100%' }} controls={false} inputMode="decimal" data-testid="form-lat" />
        </Form.Item>
        <Form.Item name="lng" label={t('field.form.lng')} rules={[{ type: 'number', min: -180, max: 180, message: t('field.form.badLng') }]} style={{ flex: 1 }}>
          <InputNumber size="large" style={{ width: '100%' }} controls={false} inputMode="decimal" data-testid="form-lng" />
        </Form.Item>
      </Space.Compact>
      <Button block size="large" icon={<AimOutlined />} loading={locating} onClick={() => void locate()} data-testid="form-locate">
        {t('field.form.useMyPosition')}
      </Button>
    </>
  );
}
