import { describe, expect, it } from 'vitest';
import type { ReturnedItem } from '../types.ts';
import { applyReturned, editedHere, lockedPath, onlyOpen, returnEnded } from './returned-rules.ts';
import { afterStored, draftChange, markSubmitted } from './survey-rules.ts';

const review = { returnedFrom: 'county' as const, returnedTo: 5, reason: '电话有误', comments: [{ path: 'contactPhone', text: '请核对' }], openPaths: null, by: 'yq-reviewer', at: '2024-05-01T08:00:00Z' };
const item: ReturnedItem = { id: 'id-1', sourceId: 7, sourceName: '甲厂', form: 'G101-1', version: 1, rev: 2, reviewVersion: 4, answers: { unitName: '甲厂', contactPhone: '1' }, explanations: {}, review };
const fill = (answers: Record<string, unknown>) => ({ unitKey: 's:7', packageId: 3, form: 'G101-1', version: 1, answers, explanations: {} });
const stored = afterStored(markSubmitted(draftChange(undefined, fill({ unitName: '甲厂' }), 't1', () => 'id-1'), 't1'), markSubmitted(draftChange(undefined, fill({ unitName: '甲厂' }), 't1', () => 'id-1'), 't1'), { rev: 2, status: 'submitted' });

describe('forms returned by the review chain, on the device', () => {
  it('a copy with no edit here takes the server answers, revision and the return; pulled again unchanged, nothing is written', () => {
    expect(editedHere(stored)).toBe(false);
    const next = applyReturned(stored, { ...item, answers: { unitName: '甲厂（改）' } }, 's:7', 3, 't2');
    expect(next).toMatchObject({ id: 'id-1', answers: { unitName: '甲厂（改）' }, baseRev: 2, serverStatus: 'returned', review, pending: false, edited: false });
    expect(next.conflict).toBeUndefined();
    expect(applyReturned(next, { ...item, answers: { unitName: '甲厂（改）' } }, 's:7', 3, 't3')).toBe(next);
    // Not on the device at all (filled elsewhere): made from the server's copy.
    expect(applyReturned(undefined, item, 's:7', 3, 't2')).toMatchObject({ key: 's:7|G101-1', id: 'id-1', baseRev: 2, status: 'draft', review });
  });

  it('an edit made here stays: over the same revision nothing to choose, over another a conflict', () => {
    const edited = draftChange(stored, fill({ unitName: '甲厂', contactPhone: '2' }), 't2', () => 'x');
    expect(editedHere(edited)).toBe(true);
    const same = applyReturned(edited, item, 's:7', 3, 't3');
    expect(same).toMatchObject({ answers: { contactPhone: '2' }, review, serverStatus: 'returned' });
    expect(same.conflict).toBeUndefined();
    const other = applyReturned(edited, { ...item, rev: 3 }, 's:7', 3, 't3');
    expect(other).toMatchObject({ answers: { contactPhone: '2' }, review, conflict: { id: 'id-1', rev: 3, status: 'returned' } });
  });

  it('submitted again and stored, or no longer listed, the return is over', () => {
    const back = applyReturned(stored, item, 's:7', 3, 't2');
    const sent = markSubmitted(draftChange(back, fill({ unitName: '甲厂', contactPhone: '2' }), 't3', () => 'x'), 't3');
    expect(afterStored(sent, sent, { rev: 3, status: 'submitted' }).review).toBeUndefined();
    expect(returnEnded(back).review).toBeUndefined();
  });

  it('an unlock of some fields: only those (and what is under them) may change', () => {
    expect(lockedPath(null, 'unitName')).toBe(false);
    expect(lockedPath(['contactName'], 'unitName')).toBe(true);
    expect(lockedPath(['contactName'], 'contactName')).toBe(false);
    expect(lockedPath(['boilers[0]'], 'boilers[0].fuelUse')).toBe(false);
    expect(lockedPath(['boilers'], 'boilers[1].fuelUse')).toBe(false);
    expect(lockedPath(['boilers[0]'], 'boilers[1].fuelUse')).toBe(true);
    expect(onlyOpen(['contactName'], { contactName: 'a', unitName: 'b' })).toEqual({ contactName: 'a' });
  });
});
