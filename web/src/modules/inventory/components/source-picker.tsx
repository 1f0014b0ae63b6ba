import { SearchOutlined } from '@ant-design/icons';
import { Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../api/types.ts';
import { useSourceList } from '../../directory/hooks/use-source-list.ts';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.ts';

interface Props {
  region: string;
  selected: number[];
  onChange: (ids: number[]) => void;
}

/** Sources of the directory in a region, searched by name or code, ticked for a bulk assignment. */
export function SourcePicker({ region, selected, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300) || undefined;
  const list = useSourceList({ region, q });
  return (
    <div data-testid="source-picker">
      <Input
        data-testid="source-picker-search"
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('inventory.plan.searchSources')}
        value={text}
        maxLength={60}
        onChange={(e) => setText(e.target.value)}
        className="block-gap"
      />
      <Typography.Text type="secondary" data-testid="source-picker-selected">
        {t('inventory.plan.selected', { count: selected.length })}
      </Typography.Text>
      <Table<Source>
        size="small"
        rowKey="id"
        loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
        dataSource={list.items}
        pagination={false}
        scroll={{ y: 320 }}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => onChange(keys as number[]),
          getCheckboxProps: (s) => ({ 'data-testid': `source-pick-${s.id}` }) as object,
        }}
        columns={[
          { title: '#', dataIndex: 'id', width: 70 },
          { title: t('inventory.fields.name'), dataIndex: 'name', ellipsis: true },
          { title: t('inventory.fields.address'), dataIndex: 'address', ellipsis: true },
          { title: t('inventory.fields.region'), dataIndex: 'regionName', width: 110, ellipsis: true },
        ]}
      />
      <LoadMoreButton hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} shown={list.items.length} testId="source-picker-more" />
    </div>
  );
}
