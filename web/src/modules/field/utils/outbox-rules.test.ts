import { describe, expect, it } from 'vitest';
import type { LocalUnit, OutboxEntry, RecordView, SyncItem } from '../types.ts';
import { backoffMs, chunks, keepMine, nextEntry, outcomeOf, sendable, unitAfterOk, unitKey } from './outbox-rules.ts';

const item = (opId: string, baseVersion: number | null, over: Partial<SyncItem> = {}): SyncItem => ({
  opId, sourceId: 7, baseVersion, state: 'normal', submit: false, data: { name: '乐清市华宇电气有限公司' }, ...over,
});
const entry = (i: SyncItem, over: Partial<OutboxEntry> = {}): OutboxEntry => ({ unitKey: 's:7', packageId: 1, item: i, savedAt: '2018-04-01T08:00:00Z', ...over });
const server: RecordView = {
  sourceId: 7, clientUuid: null, status: 'rejected', state: 'normal', stateReason: null, data: { name: '华宇' }, version: 5,
  visitedAt: null, visitFar: false, rejectReason: '地址不全', remarks: [],
};

describe('outbox entries', () => {
  it('names units by source id, or by the client uuid for units added in the field', () => {
    expect(unitKey(12, null)).toBe('s:12');
    expect(unitKey(12, 'u-1')).toBe('c:u-1');
    expect(() => unitKey(null, null)).toThrow();
  });

  it('keeps the first base version when a save replaces an unsent one, and clears a refusal', () => {
    const first = entry(item('a', 3), { failed: { code: 'X', message: { zh: '错', en: 'bad' } } });
    const next = nextEntry(first, entry(item('b', 4, { submit: true })));
    expect(next.item).toMatchObject({ opId: 'b', baseVersion: 3, submit: true });
    expect(next.failed).toBeUndefined();
    expect(nextEntry(undefined, entry(item('c', 4))).item.baseVersion).toBe(4);
  });

  it('keeps an open conflict over a new save, and holds refused and conflicting entries back', () => {
    const c = entry(item('a', 3), { conflict: server });
    expect(nextEntry(c, entry(item('b', 3))).conflict).toBe(server);
    const ok = entry(item('d', 1), { unitKey: 's:8', savedAt: '2018-04-01T07:00:00Z' });
    const bad = entry(item('e', 1), { unitKey: 's:9', failed: { code: 'X', message: { zh: '', en: '' } } });
    expect(sendable([c, bad, entry(item('f', 1), { savedAt: '2018-04-02T00:00:00Z' }), ok]).map((e) => e.item.opId)).toEqual(['d', 'f']);
  });

  it('cuts batches of at most 500', () => {
    const parts = chunks(Array.from({ length: 1001 }, (_, i) => i));
    expect(parts.map((p) => p.length)).toEqual([500, 500, 1]);
    expect(chunks([])).toEqual([]);
  });
});

describe('applying results', () => {
  const sent = item('a', 3);
  const ok = { opId: 'a', ok: true as const, sourceId: 7, clientUuid: null, version: 4, status: 'new' as const };

  it('removes a stored edit, or rebases a newer save on the stored version', () => {
    expect(outcomeOf(sent, ok, entry(sent))).toEqual({ kind: 'done' });
    expect(outcomeOf(sent, ok, undefined)).toEqual({ kind: 'done' });
    const newer = entry(item('b', 3, { sourceId: null, clientUuid: 'u-1' }));
    const out = outcomeOf(sent, ok, newer);
    expect(out).toMatchObject({ kind: 'rebased', entry: { item: { opId: 'b', baseVersion: 4, sourceId: 7 } } });
  });

  it('marks a conflict with the server copy, and a refusal with its code and message', () => {
    const conflict = { opId: 'a', ok: false as const, code: 'INVENTORY_CONFLICT', message: { zh: '冲突', en: 'conflict' }, server };
    expect(outcomeOf(sent, conflict, entry(sent))).toMatchObject({ kind: 'conflict', entry: { conflict: server } });
    const refused = { opId: 'a', ok: false as const, code: 'INVENTORY_REASON_REQUIRED', message: { zh: '请选择原因', en: 'Choose a reason' } };
    expect(outcomeOf(sent, refused, entry(sent))).toMatchObject({ kind: 'failed', entry: { failed: { code: 'INVENTORY_REASON_REQUIRED' } } });
    expect(outcomeOf(sent, refused, entry(item('b', 3)))).toEqual({ kind: 'stale' });
  });

  it('keeps mine as a new operation over the server version', () => {
    const e = keepMine(entry(sent, { conflict: server }), 'z', '2018-04-03T00:00:00Z');
    expect(e.item).toMatchObject({ opId: 'z', baseVersion: 5, sourceId: 7 });
    expect(e.conflict).toBeUndefined();
  });

  it('stores the new version on the unit and maps an added unit to its source id', () => {
    const unit: LocalUnit = { key: 'c:u-1', packageId: 1, sourceId: null, clientUuid: 'u-1', source: { name: '新厂' } as LocalUnit['source'], record: null };
    const added = item('a', null, { sourceId: null, clientUuid: 'u-1', state: 'added', visit: { at: '2018-04-01T08:00:00Z', lat: 28.1, lng: 120.9 } });
    const after = unitAfterOk(unit, added, { ...ok, sourceId: 99, clientUuid: 'u-1', version: 1, status: 'submitted' });
    expect(after.sourceId).toBe(99);
    expect(after.record).toMatchObject({ sourceId: 99, clientUuid: 'u-1', version: 1, status: 'submitted', state: 'added', visitedAt: '2018-04-01T08:00:00Z', remarks: [] });
  });

  it('backs off 2 s, 4 s … up to 5 minutes', () => {
    expect(backoffMs(1, 0.5)).toBe(2000);
    expect(backoffMs(3, 0.5)).toBe(8000);
    expect(backoffMs(30, 0.5)).toBe(300_000);
    expect(backoffMs(1, 0)).toBe(1600);
  });
});
