import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { OUTFALL_TYPES } from '../../../../../src/domains/outfalls/rules/outfall.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import type { OutfallItem, Reach } from '../utils/outfalls-api.ts';
import { OutfallStateTag } from './state-tag.tsx';

interface Props {
  items: OutfallItem[];
  reaches: Reach[];
  loading: boolean;
  openId?: number;
  onOpen: (o: OutfallItem) => void;
}

export function typeName(code: string | null | undefined, lang: 'zh' | 'en') {
  const o = OUTFALL_TYPES.find((x) => x.code === code);
  return o ? (lang === 'en' ? o.en : o.zh) : '—';
}

/** The register: one row per outfall; a click opens it. */
export function OutfallsTable({ items, reaches, loading, openId, onOpen }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const reachName = new Map(reaches.map((r) => [r.id, r.name]));
  const columns: TableColumnsType<OutfallItem> = [
    { key: 'code', title: t('outfalls.fields.code'), dataIndex: 'code', width: 120, render: (c: string) => <span className="option-code">{c}</span> },
    { key: 'state', title: t('outfalls.fields.state'), dataIndex: 'state', width: 90, render: (s: OutfallItem['state']) => <OutfallStateTag state={s} /> },
    { key: 'type', title: t('outfalls.fields.type'), dataIndex: 'type', width: 150, render: (v: string | null) => typeName(v, lang) },
    { key: 'waterBody', title: t('outfalls.fields.waterBody'), dataIndex: 'waterBody', render: (v: string | null) => v ?? '—' },
    { key: 'reach', title: t('outfalls.fields.reach'), render: (_: unknown, o) => o.reachName ?? (o.reachId ? reachName.get(o.reachId) ?? `#${o.reachId}` : '—') },
    { key: 'region', title: t('outfalls.fields.region'), render: (_: unknown, o) => o.regionName ?? o.regionCode },
    { key: 'responsible', title: t('outfalls.fields.responsible'), dataIndex: 'responsibleName', render: (v: string | null | undefined) => v ?? '—' },
  ];
  return (
    <Table<OutfallItem>
      data-testid="outfalls-table"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ y: 520 }}
      onRow={(o) => ({ onClick: () => onOpen(o), 'data-testid': `outfall-row-${o.code}`, style: { cursor: 'pointer' } } as React.HTMLAttributes<HTMLElement>)}
      rowClassName={(o) => (o.id === openId ? 'ant-table-row-selected' : '')}
    />
  );
}
