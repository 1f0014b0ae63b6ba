import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useStateName } from '../hooks/use-state-name.ts';
import type { InventoryForm, InventoryState, OutboxEntry, RecordStatus } from '../types.ts';
import type { Problem } from '../utils/outbox-store.ts';
import { resolveConflict } from '../utils/outbox-store.ts';
import { syncNow } from '../utils/sync.ts';

interface Side {
  state: string | null;
  stateReason?: string | null;
  data: Partial<InventoryForm> | null;
  /** The server's side only: where the record stands and why it was sent back. */
  status?: RecordStatus;
  rejectReason?: string | null;
}

const FIELDS = ['name', 'address', 'creditCode', 'legalRep', 'remarks'] as const;

/** Both versions side by side: the taker's edit and the server's record, then one choice. */
export function ConflictCard({ problem, states }: { problem: Problem; states: InventoryState[] }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const entry = problem.entry as OutboxEntry & { conflict: NonNullable<OutboxEntry['conflict']> };
  const choose = async (choice: 'mine' | 'server') => {
    setBusy(true);
    try {
      await resolveConflict(entry.unitKey, choice);
      if (choice === 'mine' && navigator.onLine) await syncNow();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };
  const mine: Side = { state: entry.item.state, stateReason: entry.item.stateReason, data: entry.item.data };
  const server: Side = entry.conflict;
  return (
    <Card size="small" data-testid={`conflict-${entry.unitKey}`} title={problem.unit?.source.name ?? entry.item.data.name}>
      <Alert type="warning" showIcon className="block-gap" title={t('field.sync.conflictIntro', { version: entry.conflict.version })} />
      <div className="conflict-columns block-gap">
        <SideView title={t('field.sync.mine')} side={mine} states={states} testId="conflict-mine" />
        <SideView title={t('field.sync.server')} side={server} states={states} testId="conflict-server" />
      </div>
      <Space.Compact block>
        <Button block type="primary" loading={busy} onClick={() => void choose('mine')} data-testid="conflict-keep-mine">
          {t('field.sync.keepMine')}
        </Button>
        <Button block loading={busy} onClick={() => void choose('server')} data-testid="conflict-take-server">
          {t('field.sync.takeServer')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

function SideView({ title, side, states, testId }: { title: string; side: Side; states: InventoryState[]; testId: string }) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const s = states.find((x) => x.code === side.state);
  return (
    <div data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      <Descriptions
        size="small"
        column={1}
        layout="vertical"
        items={[
          ...(side.status ? [{ key: 'status', label: t('field.sync.status'), children: t(`field.status.${side.status}`) }] : []),
          ...(side.rejectReason ? [{ key: 'reject', label: t('field.sync.rejectReason'), children: side.rejectReason }] : []),
          { key: 'state', label: t('field.form.state'), children: <span style={{ color: s?.colour }}>{s ? stateName(s) : (side.state ?? '—')}{side.stateReason ? ` · ${t(`field.reasons.${side.stateReason}` as 'field.reasons.duplicate', { defaultValue: side.stateReason })}` : ''}</span> },
          ...FIELDS.map((f) => ({ key: f, label: t(`field.form.${f}`), children: String(side.data?.[f] ?? '—') })),
        ]}
      />
    </div>
  );
}
