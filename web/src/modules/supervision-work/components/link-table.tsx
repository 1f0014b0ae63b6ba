// The list of the dispatches, cases and briefings pages: a query's rows, each opening its own page.
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useNavigate } from 'react-router-dom';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';

interface Props<T> {
  query: { data?: T[]; error: unknown; isPending: boolean; refetch: () => unknown };
  columns: ColumnsType<T>;
  testId: string;
  /** Each row's data-testid is `${rowTestId}-${id}`. */
  rowTestId: string;
  empty: string;
  href: (row: T) => string;
  /** More attributes a row carries for tests (status, target…). */
  rowData?: (row: T) => Record<string, string>;
  rowClass?: (row: T) => string;
  scrollX?: number;
}

export function LinkTable<T extends { id: number }>({ query, columns, testId, rowTestId, empty, href, rowData, rowClass, scrollX }: Props<T>) {
  const navigate = useNavigate();
  return (
    <>
      <QueryErrorAlert error={query.error} onRetry={() => query.refetch()} />
      <Table<T>
        data-testid={testId}
        size="small"
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data ?? []}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={scrollX ? { x: scrollX } : undefined}
        locale={{ emptyText: empty }}
        rowClassName={(r) => `clickable-row${rowClass ? ` ${rowClass(r)}` : ''}`.trim()}
        onRow={(r) => ({ 'data-testid': `${rowTestId}-${r.id}`, ...rowData?.(r), onClick: () => navigate(href(r)) }) as HTMLAttributes<HTMLElement>}
      />
    </>
  );
}
