import { Col, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGISTER_FIELDS, type RegisterField, type RegisterMapping, type RegisterPreview } from '../../../api/types.ts';
import { mappingOf } from '../utils/mapping-of.ts';

interface Props {
  preview: RegisterPreview;
  mapping: RegisterMapping;
  onMapping: (m: RegisterMapping) => void;
  mappingName: string;
  onMappingName: (name: string) => void;
  /** Set after a submit without a column for 单位名称. */
  nameMissing: boolean;
}

/** For each field, the column of the file it is read from; a saved mapping can fill them all at once. */
export function RegisterMappingEditor({ preview, mapping, onMapping, mappingName, onMappingName, nameMissing }: Props) {
  const { t } = useTranslation();
  const [applied, setApplied] = useState<{ name: string; missing: number } | null>(null);
  const headers = [...new Set(preview.headers)].filter((h) => h.trim() !== '');
  const options = headers.map((h) => ({ value: h, label: h }));
  const labelOf = (name: string) => (name === 'last' ? t('registers.lastMapping') : name);
  const firstValue = (header: string | undefined) => {
    const i = header === undefined ? -1 : preview.headers.indexOf(header);
    const v = i < 0 ? undefined : preview.sample.find((row) => (row[i] ?? '').trim() !== '')?.[i];
    return v ? t('registers.firstValue', { value: v.length > 40 ? `${v.slice(0, 40)}…` : v }) : undefined;
  };

  const apply = (name: string) => {
    const saved = preview.savedMappings.find((m) => m.name === name);
    if (!saved) return;
    const { mapping: next, missing } = mappingOf(saved.columns, preview.headers);
    onMapping(next);
    setApplied({ name, missing });
  };
  const set = (field: RegisterField, header: string | undefined) => {
    const next = { ...mapping };
    if (header) next[field] = header;
    else delete next[field];
    onMapping(next);
  };

  return (
    <Form layout="vertical" data-testid="register-mapping">
      <Typography.Paragraph type="secondary">{t('registers.mappingHint')}</Typography.Paragraph>
      <Row gutter={16}>
        {preview.savedMappings.length > 0 && (
          <Col xs={24} md={12}>
            <Form.Item
              label={t('registers.savedMapping')}
              htmlFor="register-saved-mapping"
              help={
                applied &&
                (applied.missing > 0
                  ? t('registers.savedMappingMissing', { name: labelOf(applied.name), count: applied.missing })
                  : t('registers.savedMappingApplied', { name: labelOf(applied.name) }))
              }
              validateStatus={applied && applied.missing > 0 ? 'warning' : undefined}
            >
              <Select<string>
                id="register-saved-mapping"
                data-testid="register-saved-mapping"
                value={applied?.name}
                onChange={apply}
                // The server keeps the department's latest mapping under the name "last".
                options={preview.savedMappings.map((m) => ({ value: m.name, label: labelOf(m.name) }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item label={t('registers.saveMappingAs')} htmlFor="register-mapping-name">
            <Input
              id="register-mapping-name"
              data-testid="register-mapping-name"
              maxLength={64}
              placeholder={t('registers.saveMappingPlaceholder')}
              value={mappingName}
              onChange={(e) => onMappingName(e.target.value)}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        {REGISTER_FIELDS.map((field) => {
          const error = field === 'name' && nameMissing && !mapping.name;
          return (
            <Col key={field} xs={24} sm={12} lg={8}>
              <Form.Item
                label={t(`registers.fields.${field}`)}
                htmlFor={`mapping-${field}`}
                required={field === 'name'}
                validateStatus={error ? 'error' : undefined}
                help={error ? t('registers.nameRequired') : undefined}
                extra={error ? undefined : firstValue(mapping[field])}
              >
                <Select<string>
                  id={`mapping-${field}`}
                  data-testid={`mapping-${field}`}
                  data-value={mapping[field] ?? ''}
                  allowClear
                  showSearch
                  placeholder={t('registers.noColumn')}
                  value={mapping[field]}
                  onChange={(h) => set(field, h)}
                  options={options}
                />
              </Form.Item>
            </Col>
          );
        })}
      </Row>
    </Form>
  );
}
