import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Spin, Tag, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useIdb } from '../hooks/use-idb.ts';
import { usePosition } from '../hooks/use-position.ts';
import { useStateName } from '../hooks/use-state-name.ts';
import { useStates } from '../hooks/use-states.ts';
import type { InventoryState } from '../types.ts';
import { STORES } from '../utils/field-db.ts';
import { formatDistance } from '../utils/geo.ts';
import { countRows, shownRows, toRow, type ShownRow } from '../utils/unit-rows.ts';
import { packageContent } from '../utils/unit-store.ts';
import { takeEarly } from '../utils/warm-start.ts';
import { VirtualList } from './virtual-list.tsx';

const ROW_HEIGHT = 84;

interface Props {
  packageId: number;
  onBack: () => void;
  onOpen: (unitKey: string) => void;
  onAdd: () => void;
}

/** The units of a package, from the device: searchable, filterable, nearest first. */
export function UnitList({ packageId, onBack, onOpen, onAdd }: Props) {
  const { t } = useTranslation();
  const { username } = useSession();
  const content = useIdb(`pkg:${packageId}`, [STORES.units, STORES.outbox, STORES.returned], () => takeEarly(username, packageId) ?? packageContent(packageId));
  const states = useStates();
  const stateName = useStateName();
  const { position } = usePosition();
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState('all');
  const query = useDeferredValue(q);

  const rows = useMemo(() => (content.data ? content.data.units.map((u) => toRow(u, content.data!.outbox.get(u.key), u.sourceId === null ? 0 : content.data!.returned.get(u.sourceId))) : []), [content.data]);
  const counts = useMemo(() => countRows(rows), [rows]);
  // Re-sort when the taker has moved ~50 m, not on every GPS tick.
  const lat = position ? Math.round(position.lat * 2000) / 2000 : null;
  const lng = position ? Math.round(position.lng * 2000) / 2000 : null;
  const located = lat !== null && lng !== null;
  const shown = useMemo(() => shownRows(rows, { q: query, filter }, lat !== null && lng !== null ? { lat, lng } : null), [rows, query, filter, lat, lng]);
  const byCode = useMemo(() => new Map(states.map((s) => [s.code, s])), [states]);

  const chips: Array<{ key: string; label: string; colour?: string }> = [
    { key: 'all', label: t('field.units.all') },
    { key: 'unvisited', label: t('field.units.unvisited') },
    { key: 'attention', label: t('field.units.attention') },
    ...states.map((s) => ({ key: s.code, label: stateName(s), colour: s.colour })),
  ];

  return (
    <div data-testid="unit-list-view">
      <div className="unit-toolbar">
        <div className="field-row">
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="units-back">
            {t('field.units.packages')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} data-testid="unit-add">
            {t('field.units.add')}
          </Button>
        </div>
        <Input.Search allowClear size="large" placeholder={t('field.units.search')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="unit-search" />
        <div className="unit-filters" role="radiogroup">
          {chips.map((c) => (
            <Tag.CheckableTag key={c.key} checked={filter === c.key} onChange={() => setFilter(c.key)} data-testid={`unit-filter-${c.key}`}>
              {c.colour && <span style={{ color: filter === c.key ? undefined : c.colour }}>● </span>}
              {c.label} {counts[c.key] ?? 0}
            </Tag.CheckableTag>
          ))}
        </div>
        <Typography.Text type="secondary">{located ? t('field.units.byDistance', { n: shown.length }) : t('field.units.count', { n: shown.length })}</Typography.Text>
      </div>
      {content.loading ? (
        <Spin />
      ) : (
        <VirtualList
          testId="unit-list"
          items={shown}
          rowHeight={ROW_HEIGHT}
          rowKey={(r) => r.key}
          renderRow={(r) => <UnitRowView row={r} state={r.state ? byCode.get(r.state) : undefined} onOpen={onOpen} />}
        />
      )}
      {!content.loading && shown.length === 0 && <Typography.Paragraph type="secondary">{t('field.units.noMatch')}</Typography.Paragraph>}
    </div>
  );
}

function UnitRowView({ row, state, onOpen }: { row: ShownRow; state?: InventoryState; onOpen: (key: string) => void }) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const colour = state?.colour ?? '#d9d9d9';
  return (
    <button
      type="button"
      className="unit-row"
      style={{ borderLeftColor: colour, background: state ? `${colour}14` : '#fff' }}
      onClick={() => onOpen(row.key)}
      data-testid={`unit-${row.key}`}
      data-state={row.state ?? ''}
    >
      <span className="unit-row-name">{row.name}</span>
      <span className="unit-row-address">{row.address || '—'}</span>
      <span className="unit-row-tags">
        <Tag color={state?.colour}>{state ? stateName(state) : t('field.units.none')}</Tag>
        {row.status && row.status !== 'assigned' && <Tag>{t(`field.status.${row.status}`)}</Tag>}
        {row.pending && !row.failed && !row.conflict && <Tag color="processing">{t('field.units.pending')}</Tag>}
        {row.failed && <Tag color="error">{t('field.units.failed')}</Tag>}
        {row.conflict && <Tag color="warning">{t('field.units.conflict')}</Tag>}
        {row.returned > 0 && <Tag color="error" data-testid={`unit-returned-${row.key}`}>{t('field.survey.returned.count', { n: row.returned })}</Tag>}
        {row.distance !== null && <span className="unit-row-distance">{formatDistance(row.distance)}</span>}
      </span>
    </button>
  );
}
