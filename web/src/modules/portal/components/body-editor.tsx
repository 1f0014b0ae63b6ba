import { Alert, Col, Row, Space, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { Input } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { usePreview } from '../hooks/use-portal.ts';
import { imageMarkup, insertAt, type Format, type PortalImage } from '../utils/portal-api.ts';
import { ImagePicker } from './image-picker.tsx';

interface Props {
  format: Format;
  value: string;
  onChange: (body: string) => void;
  disabled?: boolean;
  error?: string;
}

/** The body as written (monospace) beside the page it makes, rendered and sanitised by the server a moment after typing stops. */
export function BodyEditor({ format, value, onChange, disabled, error }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const area = useRef<TextAreaRef>(null);
  const settled = useDebouncedValue(value, 400);
  const preview = usePreview(format, settled);

  // The image goes where the caret is (or at the end), on a line of its own.
  const insert = (img: PortalImage) => {
    const el = area.current?.resizableTextArea?.textArea;
    const start = el ? el.selectionStart : value.length;
    const end = el ? el.selectionEnd : value.length;
    const next = insertAt(value, start, end, imageMarkup(format, img));
    onChange(next.value);
    notify.success(t('portal.images.inserted'));
    requestAnimationFrame(() => { el?.focus(); el?.setSelectionRange(next.caret, next.caret); });
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Space className="portal-pane-head" wrap>
          <Typography.Text strong>{t('portal.editor.body')}</Typography.Text>
          <ImagePicker testId="portal-body-image" disabled={disabled} onPick={insert} uploadLabel={t('portal.editor.insertImage')} />
        </Space>
        <Input.TextArea ref={area} className="portal-body" data-testid="portal-body" status={error ? 'error' : undefined} disabled={disabled}
          value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} maxLength={200_000} />
        {error && <Typography.Text type="danger" data-testid="portal-body-error">{error}</Typography.Text>}
      </Col>
      <Col xs={24} xl={12}>
        <div className="portal-pane-head"><Typography.Text strong>{t('portal.editor.preview')}</Typography.Text></div>
        {preview.error ? (
          <Alert type="warning" showIcon title={t('portal.editor.previewFailed', { error: errorText(preview.error, lang) })} />
        ) : (
          <div className="portal-preview" data-testid="portal-preview" aria-busy={preview.isFetching}>
            {/* The server's sanitised HTML: exactly what the public page will show. */}
            {preview.data ? <div dangerouslySetInnerHTML={{ __html: preview.data }} /> : <Typography.Text type="secondary">{t('portal.editor.previewEmpty')}</Typography.Text>}
          </div>
        )}
      </Col>
    </Row>
  );
}
