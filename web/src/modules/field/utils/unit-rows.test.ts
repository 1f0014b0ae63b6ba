import { describe, expect, it } from 'vitest';
import type { LocalUnit, OutboxEntry } from '../types.ts';
import { countRows, shownRows, toRow } from './unit-rows.ts';

function unit(id: number, name: string, lat: number | null, lng: number | null, status = 'assigned', state: string | null = null): LocalUnit {
  return {
    key: `s:${id}`, packageId: 1, sourceId: id, clientUuid: null,
    source: { name, creditCode: null, address: `城东街道${id}号`, legalRep: null, phone: null, industryCode: null, category: 'industrial', lat, lng, formerNames: ['旧名'], permitNo: null, radioactive: false, zoneCode: null },
    record: { sourceId: id, clientUuid: null, status: status as 'assigned', state, stateReason: null, data: null, version: 1, visitedAt: null, visitFar: false, rejectReason: null, remarks: [] },
  };
}

const here = { lat: 28.1127, lng: 120.9673 };
const units = [unit(1, '远厂', 28.3, 121.1), unit(2, '无坐标厂', null, null), unit(3, '近厂', 28.113, 120.968, 'rejected', 'normal'), unit(4, '中厂', 28.15, 121.0, 'submitted', 'closed')];
const pending: OutboxEntry = { unitKey: 's:1', packageId: 1, savedAt: 'x', item: { opId: 'o', sourceId: 1, baseVersion: 1, state: 'suspended', submit: false, data: { name: '远厂（新名）' } } };

describe('unit rows', () => {
  const rows = units.map((u) => toRow(u, u.key === 's:1' ? pending : undefined));

  it('show the unsent edit over the server record', () => {
    expect(rows[0]).toMatchObject({ name: '远厂（新名）', state: 'suspended', pending: true, visited: true });
    expect(rows[1]).toMatchObject({ state: null, visited: false, lat: null });
  });

  it('sort nearest first when the position is known, rows without coordinates last', () => {
    expect(shownRows(rows, { q: '', filter: 'all' }, here).map((r) => r.key)).toEqual(['s:3', 's:4', 's:1', 's:2']);
    expect(shownRows(rows, { q: '', filter: 'all' }, null).map((r) => r.key)).toEqual(['s:1', 's:2', 's:3', 's:4']);
    expect(shownRows(rows, { q: '', filter: 'all' }, here)[0].distance).toBeLessThan(100);
  });

  it('search names, former names and addresses, and filter by state or visit', () => {
    expect(shownRows(rows, { q: '近厂', filter: 'all' }, null).map((r) => r.key)).toEqual(['s:3']);
    expect(shownRows(rows, { q: '旧名 4号', filter: 'all' }, null).map((r) => r.key)).toEqual(['s:4']);
    expect(shownRows(rows, { q: '', filter: 'unvisited' }, null).map((r) => r.key)).toEqual(['s:2']);
    expect(shownRows(rows, { q: '', filter: 'closed' }, null).map((r) => r.key)).toEqual(['s:4']);
    expect(shownRows(rows, { q: '', filter: 'attention' }, null).map((r) => r.key)).toEqual(['s:3']);
    expect(countRows(rows)).toEqual({ all: 4, unvisited: 1, attention: 1, suspended: 1, normal: 1, closed: 1 });
  });

  it('filter 5,000 rows by distance quickly', () => {
    const many = Array.from({ length: 5000 }, (_, i) => toRow(unit(i, `厂${i}`, 28 + (i % 97) / 1000, 120.9 + (i % 89) / 1000), undefined));
    const t = performance.now();
    expect(shownRows(many, { q: '', filter: 'all' }, here)).toHaveLength(5000);
    expect(performance.now() - t).toBeLessThan(100);
  });
});
