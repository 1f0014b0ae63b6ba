import { Alert, Form, Input, InputNumber, Modal, Select, Space, Switch, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inChina } from '../../../../../src/core/geo.ts';
import { isApiError } from '../../../api/client.ts';
import { SOURCE_CATEGORIES, type Source } from '../../../api/types.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { useEditSource } from '../hooks/use-edit-source.ts';
import { PERMIT_NO, editBody, valuesOf, type EditValues } from '../utils/source-edit.ts';

/** Which form field a server refusal belongs under. */
const FIELD_OF: Record<string, keyof EditValues> = {
  DIRECTORY_SOURCE_NAME_EMPTY: 'name',
  DIRECTORY_SOURCE_COORDINATES: 'lat',
  DIRECTORY_SOURCE_COORDINATES_PAIR: 'lat',
  DIRECTORY_SOURCE_PERMIT_NO: 'permitNo',
  REGISTER_ROW_INDUSTRY_UNKNOWN: 'industryCode',
  REGISTER_ROW_INDUSTRY_CODE: 'industryCode',
  DIRECTORY_SOURCE_REGION_LEVEL: 'regionCode',
  DIRECTORY_SOURCE_REGION_COUNTY: 'regionCode',
  REGION_UNKNOWN: 'regionCode',
  USER_SCOPE_OUTSIDE: 'regionCode',
};

/** 修改: the source's details in one form; only changed fields are sent, and each becomes "edited by hand". */
export function SourceEditModal({ source, onClose }: { source: Source; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const [form] = Form.useForm<EditValues>();
  const [error, setError] = useState<unknown>(null);
  const edit = useEditSource(source.id);

  const submit = (v: EditValues) => {
    setError(null);
    const body = editBody(source, v);
    if (Object.keys(body).length === 1) return onClose(); // nothing changed
    edit.mutate(body, {
      onSuccess: () => {
        notify.success(t('directory.edit.saved'));
        onClose();
      },
      onError: (e) => {
        if (isApiError(e, 'VERSION_CONFLICT')) {
          notify.error(new Error(t('directory.reloaded')));
          onClose();
          return;
        }
        const field = Object.entries(FIELD_OF).find(([code]) => isApiError(e, code))?.[1];
        if (field && isApiError(e)) form.setFields([{ name: field, errors: [e.textIn(lang)] }]);
        else setError(e);
      },
    });
  };

  // Both or neither, and inside China's box: said under the latitude, as the server would.
  const coordinates = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator() {
      const [lat, lng] = [getFieldValue('lat'), getFieldValue('lng')] as (number | null | undefined)[];
      const has = (x: number | null | undefined) => x !== null && x !== undefined;
      if (!has(lat) && !has(lng)) return Promise.resolve();
      if (!has(lat) || !has(lng)) return Promise.reject(new Error(t('directory.edit.coordinatesPair')));
      return inChina(lat!, lng!) ? Promise.resolve() : Promise.reject(new Error(t('directory.edit.coordinatesOutside')));
    },
  });

  return (
    <Modal
      open
      width={640}
      title={t('directory.edit.title', { name: source.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: edit.isPending, 'data-testid': 'source-edit-submit' } as ButtonProps}
      data-testid="source-edit-modal"
    >
      <Form<EditValues> form={form} layout="vertical" initialValues={valuesOf(source)} onFinish={submit}>
        <Form.Item label={t('directory.fields.name')} name="name" rules={[{ required: true, whitespace: true, message: t('common.required') }]} extra={t('directory.edit.renameHint')}>
          <Input data-testid="source-edit-name" maxLength={200} />
        </Form.Item>
        <Form.Item label={t('directory.fields.formerNames')} name="formerNames">
          <Select mode="tags" open={false} data-testid="source-edit-formerNames" tokenSeparators={['；', ';']} placeholder={t('directory.edit.formerNamesHint')} />
        </Form.Item>
        <Form.Item label={t('directory.fields.regionCode')} name="regionCode" htmlFor="source-edit-region" rules={[{ required: true, message: t('common.required') }]}>
          <RegionPicker id="source-edit-region" data-testid="source-edit-region" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('directory.fields.address')} name="address">
          <Input data-testid="source-edit-address" maxLength={300} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label={t('directory.fields.legalRep')} name="legalRep">
            <Input data-testid="source-edit-legalRep" maxLength={60} />
          </Form.Item>
          <Form.Item label={t('directory.fields.phone')} name="phone">
            <Input data-testid="source-edit-phone" maxLength={40} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item label={t('directory.fields.industryCode')} name="industryCode" rules={[{ pattern: /^\s*([A-Ta-t]|[A-Ta-t]?[0-9]{2,4})?\s*$/, message: t('directory.industryInvalid') }]}>
            <Input data-testid="source-edit-industryCode" maxLength={5} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label={t('directory.fields.category')} name="category">
            <Select data-testid="source-edit-category" style={{ width: 220 }} options={SOURCE_CATEGORIES.map((c) => ({ value: c, label: t(`directory.categories.${c}`) }))} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item label={t('directory.edit.lat')} name="lat" dependencies={['lng']} rules={[coordinates]}>
            <InputNumber data-testid="source-edit-lat" controls={false} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label={t('directory.edit.lng')} name="lng" dependencies={['lat']}>
            <InputNumber data-testid="source-edit-lng" controls={false} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item label={t('directory.fields.permitNo')} name="permitNo" rules={[{ pattern: PERMIT_NO, transform: (v: string) => v?.trim(), message: t('directory.edit.permitFormat') }]}>
          <Input data-testid="source-edit-permitNo" maxLength={40} className="mono" placeholder="91330382MA2AT5K1XX001P" />
        </Form.Item>
        <Form.Item label={t('directory.fields.radioactive')} name="radioactive" valuePropName="checked">
          <Switch data-testid="source-edit-radioactive" />
        </Form.Item>
      </Form>
      {error != null && <Alert type="error" showIcon data-testid="source-edit-error" title={errorText(error, lang)} />}
    </Modal>
  );
}
