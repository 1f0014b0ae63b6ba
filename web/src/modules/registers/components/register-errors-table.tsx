import { DownloadOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegisterRowError } from '../../../api/types.ts';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useRegisterErrors } from '../hooks/use-register-rows.ts';
import { registerErrorsUrl } from '../utils/register-errors-url.ts';

/** What is wrong in which row and column of one register, in the user's language. */
export function RegisterErrorsTable({ registerId, errorCount }: { registerId: number; errorCount: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errors = useRegisterErrors(registerId);

  return (
    <>
      {errorCount > 0 && (
        <div className="filters">
          <Button icon={<DownloadOutlined />} href={registerErrorsUrl(registerId)} download data-testid="register-drawer-errors-download">
            {t('registers.downloadErrors')}
          </Button>
        </div>
      )}
      <QueryErrorAlert error={errors.error} onRetry={errors.refetch} />
      <Table<RegisterRowError>
        data-testid="register-errors-table"
        size="small"
        rowKey={(e) => `${e.rowNumber}:${e.column ?? ''}:${e.code}`}
        loading={errors.isPending || (errors.isFetching && !errors.isFetchingNextPage)}
        dataSource={errors.items}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('registers.rowNumber'), dataIndex: 'rowNumber', width: 70 },
          { title: t('registers.errorColumn'), dataIndex: 'column', width: 140, render: (c: string | null) => c ?? t('common.none') },
          { title: t('registers.errorCode'), dataIndex: 'code', width: 220, render: (c: string) => <span className="option-code">{c}</span> },
          { title: t('registers.errorMessage'), key: 'message', render: (_, e) => (lang === 'en' ? e.message.en : e.message.zh) },
          { title: t('registers.errorValue'), dataIndex: 'value', width: 180, ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '' },
        ]}
      />
      <LoadMoreButton
        hasNextPage={errors.hasNextPage}
        isFetchingNextPage={errors.isFetchingNextPage}
        fetchNextPage={errors.fetchNextPage}
        shown={errors.items.length}
        testId="register-errors-load-more"
      />
    </>
  );
}
