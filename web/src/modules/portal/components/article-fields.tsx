import { Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDatasets, useImages } from '../hooks/use-portal.ts';
import { LANGS, publicPath, SECTIONS, type ArticleFields } from '../utils/portal-api.ts';
import { ImagePicker } from './image-picker.tsx';

export type FieldErrors = Partial<Record<keyof ArticleFields, string>>;

interface Props {
  value: ArticleFields;
  onChange: (patch: Partial<ArticleFields>) => void;
  errors: FieldErrors;
  disabled: boolean;
  /** New article (section, language and dataset are chosen once). */
  fresh: boolean;
  /** The slug may change only while no version of the story was ever published; a translation takes its original's. */
  slugLocked: boolean;
  langLocked: boolean;
}

/** The article's own fields: where it stands (section, address, language) and what it says about itself. */
export function ArticleFieldsForm({ value: v, onChange, errors, disabled, fresh, slugLocked, langLocked }: Props) {
  const { t } = useTranslation();
  const item = (key: keyof ArticleFields, label: string) => ({ label, validateStatus: errors[key] ? ('error' as const) : undefined, help: errors[key] });
  const datasets = useDatasets();
  const images = useImages(!!v.coverImage);
  const cover = images.data?.find((i) => i.id === v.coverImage);
  return (
    <Form layout="vertical" disabled={disabled} data-testid="portal-fields">
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item {...item('section', t('portal.editor.section'))}>
            <Select data-testid="portal-section" disabled={disabled || !fresh || langLocked} value={v.section}
              options={SECTIONS.map((s) => ({ value: s, label: t(`portal.sections.${s}`) }))} onChange={(section) => onChange({ section })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item {...item('slug', t('portal.editor.slug'))} extra={!errors.slug && <span data-testid="portal-slug-hint">{t('portal.editor.slugHint', { url: publicPath(v.section, v.slug, v.lang) })}</span>}>
            <Input data-testid="portal-slug" disabled={disabled || slugLocked} maxLength={80} value={v.slug} placeholder={t('portal.editor.slugRule')}
              onChange={(e) => onChange({ slug: e.target.value.toLowerCase() })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item {...item('lang', t('portal.editor.lang'))}>
            <Select data-testid="portal-lang" disabled={disabled || !fresh || langLocked} value={v.lang}
              options={LANGS.map((l) => ({ value: l, label: t(`portal.langs.${l}`) }))} onChange={(lang) => onChange({ lang })} />
          </Form.Item>
        </Col>
      </Row>
      {v.section === 'results' && (
        <Form.Item {...item('datasetId', t('portal.editor.dataset'))}>
          <Select data-testid="portal-dataset" disabled={disabled || !fresh || langLocked} value={v.datasetId} loading={datasets.isPending}
            options={(datasets.data ?? []).map((d) => ({ value: d.id, label: `${d.titleZh} / ${d.titleEn}` }))} onChange={(datasetId: number) => onChange({ datasetId })} />
        </Form.Item>
      )}
      <Form.Item {...item('title', t('portal.editor.titleField'))} required>
        <Input data-testid="portal-title" maxLength={200} showCount value={v.title} onChange={(e) => onChange({ title: e.target.value })} />
      </Form.Item>
      <Form.Item {...item('summary', t('portal.editor.summary'))}>
        <Input.TextArea data-testid="portal-summary" autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} value={v.summary} onChange={(e) => onChange({ summary: e.target.value })} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item {...item('publisher', t('portal.editor.publisher'))}>
            <Input data-testid="portal-publisher" maxLength={100} value={v.publisher} onChange={(e) => onChange({ publisher: e.target.value })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('source', t('portal.editor.source'))}>
            <Input data-testid="portal-source" maxLength={200} value={v.source} onChange={(e) => onChange({ source: e.target.value })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('format', t('portal.editor.format'))}>
            <Select data-testid="portal-format" value={v.format} options={(['markdown', 'html'] as const).map((f) => ({ value: f, label: t(`portal.formats.${f}`) }))}
              onChange={(format) => onChange({ format })} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item {...item('coverImage', t('portal.editor.cover'))}>
        <Space wrap align="center">
          {v.coverImage ? (
            <span className="portal-cover" data-testid="portal-cover" data-id={v.coverImage}>
              {cover ? <img src={cover.thumbUrl} alt={cover.name} /> : <Typography.Text code>{v.coverImage}</Typography.Text>}
            </span>
          ) : <Typography.Text type="secondary">{t('portal.editor.noCover')}</Typography.Text>}
          <ImagePicker testId="portal-cover" disabled={disabled} onPick={(img) => onChange({ coverImage: img.id })} />
          {v.coverImage && !disabled && <Typography.Link data-testid="portal-cover-clear" onClick={() => onChange({ coverImage: null })}>{t('portal.editor.clearCover')}</Typography.Link>}
        </Space>
      </Form.Item>
    </Form>
  );
}
