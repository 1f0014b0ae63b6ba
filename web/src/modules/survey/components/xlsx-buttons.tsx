import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Tooltip, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../api/client.ts';
import type { SubmissionDetail } from '../../../api/survey-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { errorText } from '../../ui/utils/error-text.ts';

interface Props {
  sourceId: number;
  form: string;
  version: number;
  /** The id the console saves this form under. */
  id: string;
  /** Unsaved edits on screen: an upload would replace them, so it waits for a save. */
  dirty: boolean;
  canFill: boolean;
  /** The stored submission after an upload, to show on screen. */
  onLoaded: (d: SubmissionDetail) => void;
}

type CellIssue = { cell: string | null; message: { zh: string; en: string } };

/** 下载 Excel / 上传 Excel: the form's template with this source's answers, and a filled one sent back as a draft. */
export function XlsxButtons({ sourceId, form, version, id, dirty, canFill, onLoaded }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; cells: CellIssue[] } | null>(null);

  const send = async (file: File) => {
    setBusy(true);
    setError(null);
    const body = new FormData();
    body.append('sourceId', String(sourceId));
    body.append('status', 'draft');
    body.append('id', id);
    body.append('file', file, file.name);
    try {
      const res = await api.upload<{ id: string; rev: number }>('/api/v1/submissions/import', body);
      onLoaded(await api.get<SubmissionDetail>(`/api/v1/submissions/${res.id}`));
      notify.success(t('survey.xlsxImported', { rev: res.rev }));
    } catch (e) {
      const cells = isApiError(e) ? ((e.details as { cells?: CellIssue[] } | null)?.cells ?? []) : [];
      setError({ text: errorText(e, lang), cells });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" icon={<DownloadOutlined />} href={`/api/v1/forms/${encodeURIComponent(form)}/template.xlsx?version=${version}&sourceId=${sourceId}`} data-testid="xlsx-download">
        {t('survey.xlsxDownload')}
      </Button>
      {canFill && (
        <Tooltip title={dirty ? t('survey.xlsxSaveFirst') : undefined}>
          <Upload accept=".xlsx" maxCount={1} showUploadList={false} disabled={dirty || busy} beforeUpload={(f) => (void send(f), Upload.LIST_IGNORE)}>
            <Button size="small" icon={<UploadOutlined />} disabled={dirty} loading={busy} data-testid="xlsx-upload">{t('survey.xlsxUpload')}</Button>
          </Upload>
        </Tooltip>
      )}
      {error && (
        <Alert className="block-gap" type="error" showIcon closable={{ onClose: () => setError(null) }} data-testid="xlsx-refusal" title={error.text}
          description={error.cells.length ? (
            <ul className="plain-list">
              {error.cells.slice(0, 20).map((c, i) => <li key={i}><code>{c.cell ?? form}</code> {lang === 'en' ? c.message.en : c.message.zh}</li>)}
            </ul>
          ) : undefined} />
      )}
    </>
  );
}
