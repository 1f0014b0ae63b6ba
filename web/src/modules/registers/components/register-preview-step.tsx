import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegisterMapping, RegisterPreview } from '../../../api/types.ts';
import { fieldOfHeader } from '../utils/mapping-of.ts';
import { RegisterMappingEditor } from './register-mapping-editor.tsx';

interface Props {
  fileName: string;
  preview: RegisterPreview;
  mapping: RegisterMapping;
  onMapping: (m: RegisterMapping) => void;
  mappingName: string;
  onMappingName: (name: string) => void;
  nameMissing: boolean;
}

/** Step 2 of the wizard: what the server read (encoding, format, first rows), and the mapping to import with. */
export function RegisterPreviewStep({ fileName, preview, mapping, ...editor }: Props) {
  const { t } = useTranslation();
  const rows = preview.sample.map((cells, i) => ({ key: i, cells }));
  return (
    <div data-testid="register-preview">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 4 }}
        className="block-gap"
        items={[
          { key: 'file', label: t('registers.file'), children: fileName },
          { key: 'encoding', label: t('registers.encoding'), children: <Tag data-testid="register-encoding">{preview.encoding.toUpperCase()}</Tag> },
          { key: 'format', label: t('registers.format'), children: <Tag data-testid="register-format">{preview.format.toUpperCase()}</Tag> },
          { key: 'columns', label: t('registers.columns'), children: preview.headers.length },
        ]}
      />
      <Typography.Text strong>{t('registers.sample', { count: preview.sample.length })}</Typography.Text>
      <Table
        data-testid="register-sample"
        className="block-gap register-sample"
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content', y: 220 }}
        columns={preview.headers.map((h, i) => {
          const field = fieldOfHeader(mapping, h);
          return {
            key: String(i),
            title: (
              <span>
                {h || <Typography.Text type="secondary">#{i + 1}</Typography.Text>}
                {field && (
                  <Tag color="blue" className="register-sample-field">
                    {t(`registers.fields.${field}`)}
                  </Tag>
                )}
              </span>
            ),
            render: (_: unknown, r: (typeof rows)[number]) => r.cells[i] ?? '',
            ellipsis: true,
            width: 160,
          };
        })}
      />
      <Typography.Title level={5}>{t('registers.mapping')}</Typography.Title>
      <RegisterMappingEditor preview={preview} mapping={mapping} {...editor} />
    </div>
  );
}
