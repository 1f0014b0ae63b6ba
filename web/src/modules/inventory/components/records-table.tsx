import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TableRowSelection } from 'antd/es/table/interface';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryRecord } from '../../../api/inventory-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useInventoryStates } from '../hooks/use-inventory-config.ts';
import { stateRowStyle } from '../utils/state-row-style.ts';
import { ConfirmationTag, FarVisitFlag, StatusTag } from './record-tags.tsx';
import { StateTag } from './state-tag.tsx';
import { VerdictDots } from './verdict-dots.tsx';

interface Props {
  items: InventoryRecord[];
  loading: boolean;
  openId?: number;
  onOpen?: (r: InventoryRecord) => void;
  selection?: TableRowSelection<InventoryRecord>;
  /** Extra last column (the review page's per-row verdict buttons). */
  action?: { title: string; width: number; render: (r: InventoryRecord) => ReactNode };
}

/** Inventory records, each row striped in its state's colour. */
export function RecordsTable({ items, loading, openId, onOpen, selection, action }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { byCode } = useInventoryStates();
  const columns: ColumnsType<InventoryRecord> = [
    { title: '#', dataIndex: 'sourceId', width: 70 },
    {
      title: t('inventory.fields.name'),
      key: 'name',
      width: 240,
      render: (_, r) => (
        <span>
          {onOpen ? <Typography.Link data-testid="record-name">{r.name}</Typography.Link> : <span data-testid="record-name">{r.name}</span>}
          {r.creditCode && <div className="option-code">{r.creditCode}</div>}
        </span>
      ),
    },
    { title: t('inventory.fields.state'), key: 'state', width: 130, render: (_, r) => <StateTag state={r.state} reason={r.stateReason} /> },
    { title: t('inventory.fields.status'), key: 'status', width: 100, render: (_, r) => <StatusTag status={r.status} /> },
    { title: t('inventory.fields.confirmation'), key: 'confirmation', width: 100, render: (_, r) => <ConfirmationTag confirmation={r.confirmation} /> },
    { title: t('inventory.fields.verdicts'), key: 'verdicts', width: 120, render: (_, r) => <VerdictDots verdicts={r.verdicts} /> },
    { title: t('inventory.fields.visit'), key: 'visit', width: 180, render: (_, r) => (
      <span>
        {r.visitedAt ? formatDateTime(r.visitedAt, lang) : '—'} <FarVisitFlag far={r.visitFar} />
      </span>
    ) },
    { title: t('inventory.fields.address'), dataIndex: 'address', width: 220, ellipsis: true },
    { title: t('inventory.fields.region'), key: 'region', width: 160, render: (_, r) => (
      <span>
        {r.regionName}
        {r.zoneCode && <div className="option-code">{r.zoneCode}</div>}
      </span>
    ) },
    { title: t('inventory.fields.enumerator'), dataIndex: 'enumerator', width: 110, ellipsis: true },
  ];
  if (action) columns.push({ title: action.title, key: 'action', width: action.width, fixed: 'right', render: (_, r) => action.render(r) });
  return (
    <Table<InventoryRecord>
      data-testid="records-table"
      size="small"
      rowKey="sourceId"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={false}
      rowSelection={selection}
      scroll={{ x: 1500 }}
      rowClassName={(r) => `state-row${onOpen ? ' clickable-row' : ''}${r.sourceId === openId ? ' row-focus' : ''}`}
      onRow={(r) =>
        ({
          'data-testid': `record-row-${r.sourceId}`,
          'data-state': r.state ?? '',
          'data-confirmation': r.confirmation,
          style: stateRowStyle(r.state ? byCode.get(r.state)?.colour : undefined),
          onClick: onOpen ? () => onOpen(r) : undefined,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
