import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '../../../api/types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';

/** The rows of a rejected import, each with what is wrong in the user's language. */
export function ImportErrorsTable({ rows }: { rows: ImportRowError[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table<ImportRowError>
      data-testid="user-import-errors"
      size="small"
      rowKey={(r) => `${r.row}:${r.field}:${r.code}`}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        { title: t('users.importRow'), dataIndex: 'row', width: 70 },
        { title: t('users.importField'), dataIndex: 'field', width: 120 },
        { title: t('users.importCode'), dataIndex: 'code', width: 200 },
        { title: t('users.importMessage'), key: 'message', render: (_, r) => (lang === 'en' ? r.message.en : r.message.zh) },
      ]}
    />
  );
}
