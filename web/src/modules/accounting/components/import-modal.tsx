import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import type { CoefError } from '../../../api/accounting-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { useImportCoefficients } from '../hooks/use-coefficients.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: (id: number) => void;
}

/** Uploads a table with its label: a new draft version, or every error by row and column. */
export function ImportModal({ open, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const send = useImportCoefficients();
  const [file, setFile] = useState<File | null>(null);
  const [label, setLabel] = useState('');
  const [census, setCensus] = useState('2017');
  const [sample, setSample] = useState(false);
  const [invalid, setInvalid] = useState<{ text: string; errors: CoefError[]; truncated: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFile(null);
    setLabel('');
    setInvalid(null);
    setFailure(null);
    onClose();
  };
  const submit = () => {
    if (!file) return;
    setInvalid(null);
    setFailure(null);
    send.mutate({ file, label: label.trim(), census, sample }, {
      onSuccess: ({ version }) => {
        notify.success(t('accounting.coefficients.imported', { id: version.id, rows: version.rows }));
        onImported(version.id);
        close();
      },
      onError: (e) => {
        if (isApiError(e, 'COEF_INVALID')) {
          const d = e.details as { errors?: CoefError[]; truncated?: boolean } | null;
          setInvalid({ text: errorText(e, lang), errors: d?.errors ?? [], truncated: !!d?.truncated });
        } else setFailure(errorText(e, lang));
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('accounting.coefficients.importTitle')}
      onCancel={close}
      width={invalid ? 900 : 560}
      okText={t('accounting.coefficients.send')}
      okButtonProps={{ disabled: !file || !label.trim() || !/^\d{4}$/.test(census), loading: send.isPending, ...({ 'data-testid': 'coef-import-send' } as object) }}
      onOk={submit}
    >
      <Alert className="block-gap" type="info" showIcon title={t('accounting.coefficients.importHint')} />
      <Form layout="vertical">
        <Form.Item label={t('accounting.coefficients.label')} required>
          <Input data-testid="coef-import-label" maxLength={200} value={label} onChange={(e) => setLabel(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('accounting.coefficients.census')} required>
          <Input data-testid="coef-import-census" maxLength={4} style={{ width: 120 }} value={census} onChange={(e) => setCensus(e.target.value.trim())} />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={sample} onChange={(e) => setSample(e.target.checked)}>{t('accounting.coefficients.markSample')}</Checkbox>
        </Form.Item>
        <Form.Item label={t('accounting.coefficients.file')} required>
          <Upload
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            onRemove={() => setFile(null)}
            beforeUpload={(f) => {
              setFile(f);
              return Upload.LIST_IGNORE; // sent with the form, with the CSRF header
            }}
          >
            <Button data-testid="coef-import-file" icon={<UploadOutlined />}>{t('accounting.coefficients.chooseFile')}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {failure && <Alert data-testid="coef-import-failure" type="error" showIcon title={failure} />}
      {invalid && (
        <>
          <Alert data-testid="coef-import-invalid" className="block-gap" type="error" showIcon title={invalid.text}
            description={`${t('accounting.coefficients.invalid')}${invalid.truncated ? ` ${t('accounting.coefficients.truncated')}` : ''}`} />
          <Table<CoefError>
            data-testid="coef-import-errors"
            size="small"
            rowKey={(e) => `${e.row}|${e.column}|${e.message.en}`}
            dataSource={invalid.errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('accounting.coefficients.errRow'), dataIndex: 'row', width: 70 },
              { title: t('accounting.coefficients.errColumn'), dataIndex: 'column', width: 200 },
              { title: t('accounting.coefficients.errMessage'), key: 'message', render: (_, e) => e.message[lang] },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
