import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import type { ImportRowError, Job } from '../../../api/types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import { useImportUsers } from '../hooks/use-import-users.ts';
import { ImportErrorsTable } from './import-errors-table.tsx';

type Outcome = { kind: 'job'; job: Job } | { kind: 'invalid'; text: string; rows: ImportRowError[] } | { kind: 'error'; text: string };

function rowsOf(details: unknown): ImportRowError[] {
  const rows = (details as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as ImportRowError[]) : [];
}

/** Uploads one .xlsx of users: either a job that creates them, or the rows to fix. */
export function UserImportButton() {
  const { t } = useTranslation();
  const lang = useLang();
  const upload = useImportUsers();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const send = (file: File) =>
    upload.mutate(file, {
      onSuccess: ({ job }) => setOutcome({ kind: 'job', job }),
      onError: (e) =>
        setOutcome(
          isApiError(e, 'USER_IMPORT_INVALID')
            ? { kind: 'invalid', text: errorText(e, lang), rows: rowsOf(e.details) }
            : { kind: 'error', text: errorText(e, lang) },
        ),
    });

  return (
    <Space>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          send(file);
          return Upload.LIST_IGNORE; // we post it ourselves, with the CSRF header
        }}
      >
        <Button data-testid="user-import" icon={<UploadOutlined />} loading={upload.isPending}>
          {t('users.import')}
        </Button>
      </Upload>
      <a href="/api/v1/users/import-template" download data-testid="user-import-template">
        <DownloadOutlined /> {t('users.template')}
      </a>
      <Modal
        open={!!outcome}
        title={t('users.import')}
        onCancel={() => setOutcome(null)}
        footer={<Button onClick={() => setOutcome(null)}>{t('common.close')}</Button>}
        width={outcome?.kind === 'invalid' ? 860 : 520}
      >
        {outcome?.kind === 'job' && (
          <Alert
            data-testid="user-import-job"
            type="success"
            showIcon
            title={t('users.importQueued', { id: outcome.job.id })}
            action={
              <Link to={`/jobs?id=${outcome.job.id}`} onClick={() => setOutcome(null)}>
                {t('users.viewJob')}
              </Link>
            }
          />
        )}
        {outcome?.kind === 'invalid' && (
          <>
            <Alert type="error" showIcon className="block-gap" title={outcome.text} description={t('users.importInvalid')} />
            <ImportErrorsTable rows={outcome.rows} />
          </>
        )}
        {outcome?.kind === 'error' && <Alert data-testid="user-import-error" type="error" showIcon title={outcome.text} />}
      </Modal>
    </Space>
  );
}
