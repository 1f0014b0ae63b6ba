import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InventoryForm, RecordSource } from '../../../api/inventory-types.ts';
import { SOURCE_CATEGORIES, type SourceCategory } from '../../../api/types.ts';
import { compareRows, type CompareRow } from '../utils/compare-rows.ts';

/** The captured form beside the directory's data: what the visit changed stands out. */
export function RecordCompare({ source, data }: { source: RecordSource | null | undefined; data: InventoryForm }) {
  const { t } = useTranslation();
  // Categories the directory knows are said in words; anything else as it came.
  const category = (c: string) => ((SOURCE_CATEGORIES as readonly string[]).includes(c) ? t(`directory.categories.${c as SourceCategory}`) : c);
  const cell = (v: string, r: CompareRow) => (r.differs ? <Typography.Text type="warning" strong>{v}</Typography.Text> : v || <Typography.Text type="secondary">—</Typography.Text>);
  return (
    <Table<CompareRow>
      data-testid="record-compare"
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={compareRows(source, data, category)}
      columns={[
        { title: t('inventory.drawer.field'), key: 'field', width: 140, render: (_, r) => t(`inventory.form.${r.field}`) },
        { title: t('inventory.drawer.directory'), dataIndex: 'directory', render: cell },
        { title: t('inventory.drawer.captured'), dataIndex: 'captured', render: (v: string, r) => <span data-testid={`captured-${r.field}`}>{cell(v, r)}</span> },
      ]}
    />
  );
}
