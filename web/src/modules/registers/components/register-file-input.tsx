import { FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../ui/utils/format-bytes.ts';
import { REGISTER_ACCEPT } from '../utils/register-file.ts';

interface Props {
  value?: File;
  onChange?: (file: File | undefined) => void;
  id?: string;
}

/** One .csv/.xlsx, picked or dropped; the wizard posts it itself (with the CSRF header), never antd. */
export function RegisterFileInput({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  return (
    <Upload.Dragger
      id={id}
      data-testid="register-file"
      accept={REGISTER_ACCEPT}
      multiple={false}
      maxCount={1}
      showUploadList={false}
      beforeUpload={(file) => {
        onChange?.(file);
        return Upload.LIST_IGNORE;
      }}
    >
      <p className="ant-upload-drag-icon">{value ? <FileTextOutlined /> : <InboxOutlined />}</p>
      {value ? (
        <p className="ant-upload-text" data-testid="register-file-chosen">
          {value.name} <Typography.Text type="secondary">{formatBytes(value.size)}</Typography.Text>
        </p>
      ) : (
        <p className="ant-upload-text">{t('registers.chooseFile')}</p>
      )}
      <p className="ant-upload-hint">{t('registers.fileHint')}</p>
    </Upload.Dragger>
  );
}
