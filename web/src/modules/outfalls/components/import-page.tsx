import { FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { formatBytes } from '../../ui/utils/format-bytes.ts';
import { useImportSuspects, useReaches } from '../hooks/use-outfalls.ts';
import type { ImportResult, ImportRowError } from '../utils/outfalls-api.ts';

type Outcome = { kind: 'created'; result: ImportResult } | { kind: 'invalid'; rows: ImportRowError[] } | { kind: 'error'; text: string };

const messageOf = (m: ImportRowError['message'], lang: 'zh' | 'en') => (typeof m === 'string' ? m : m[lang]);

/** /outfalls/import — suspects from a CSV or XLSX, all or nothing: the bad rows are listed, or the count created. */
export function ImportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const reaches = useReaches();
  const importer = useImportSuspects();
  const [file, setFile] = useState<File>();
  const [reachId, setReachId] = useState<number>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = () => {
    if (!file) return;
    setOutcome(null);
    importer.mutate({ file, reachId }, {
      onSuccess: (result) => setOutcome({ kind: 'created', result }),
      onError: (e) => {
        const rows = isApiError(e, 'OUTFALL_IMPORT_INVALID') ? (e.details as { rows?: ImportRowError[] } | undefined)?.rows : undefined;
        setOutcome(rows ? { kind: 'invalid', rows } : { kind: 'error', text: errorText(e, lang) });
      },
    });
  };

  return (
    <div className="page">
      <Card size="small" title={t('outfalls.import.title')}>
        <Typography.Paragraph type="secondary">{t('outfalls.import.hint')}</Typography.Paragraph>
        <Upload.Dragger
          data-testid="import-file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          beforeUpload={(f) => { setFile(f); setOutcome(null); return Upload.LIST_IGNORE; }}
        >
          <p className="ant-upload-drag-icon">{file ? <FileTextOutlined /> : <InboxOutlined />}</p>
          {file ? (
            <p className="ant-upload-text" data-testid="import-file-chosen">{file.name} <Typography.Text type="secondary">{formatBytes(file.size)}</Typography.Text></p>
          ) : (
            <p className="ant-upload-text">{t('outfalls.import.choose')}</p>
          )}
        </Upload.Dragger>
        <Space className="block-gap" style={{ marginTop: 12 }} wrap>
          <Select<number>
            data-testid="import-reach"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('outfalls.import.reach')}
            value={reachId}
            onChange={setReachId}
            options={(reaches.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name}（${r.waterBody}）` }))}
            style={{ width: 260 }}
          />
          <Button type="primary" disabled={!file} loading={importer.isPending} onClick={submit} data-testid="import-submit">
            {t('outfalls.import.submit')}
          </Button>
        </Space>
        {outcome?.kind === 'created' && (
          <Alert
            type="success"
            showIcon
            data-testid="import-created"
            data-count={outcome.result.created}
            title={t('outfalls.import.created', { count: outcome.result.created })}
            description={outcome.result.codes.length > 0 && <span className="option-code">{outcome.result.codes.slice(0, 50).join('  ')}{outcome.result.codes.length > 50 ? ' …' : ''}</span>}
          />
        )}
        {outcome?.kind === 'error' && <Alert type="error" showIcon title={outcome.text} data-testid="import-error" />}
        {outcome?.kind === 'invalid' && (
          <>
            <Alert type="error" showIcon className="block-gap" title={t('outfalls.import.invalid', { count: outcome.rows.length })} />
            <Table<ImportRowError>
              data-testid="import-errors"
              size="small"
              rowKey={(r) => `${r.row}-${r.column ?? ''}-${r.code ?? ''}`}
              dataSource={outcome.rows}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              columns={[
                { key: 'row', title: t('outfalls.import.row'), dataIndex: 'row', width: 80 },
                { key: 'column', title: t('outfalls.import.column'), dataIndex: 'column', width: 120, render: (v: string | null) => v ?? '—' },
                { key: 'code', title: t('outfalls.import.code'), dataIndex: 'code', width: 200, render: (v: string | undefined) => <span className="option-code">{v ?? ''}</span> },
                { key: 'message', title: t('outfalls.import.message'), render: (_: unknown, r) => messageOf(r.message, lang) },
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}
