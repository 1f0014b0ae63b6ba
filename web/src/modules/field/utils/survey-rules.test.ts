import { describe, expect, it } from 'vitest';
import type { LocalSubmission } from '../types.ts';
import { afterConflict, afterRefused, afterStored, draftChange, keepMineSubmission, markSubmitted, sendableSubmission, takeServerSubmission } from './survey-rules.ts';

const fill = (answers: Record<string, unknown>) => ({ unitKey: 's:7', packageId: 3, form: 'G101-1', version: 1, answers, explanations: {} });
const first = draftChange(undefined, fill({ unitName: '甲' }), 't1', () => 'id-1');
const server = { id: 'id-9', form: 'G101-1', version: 1, rev: 4, status: 'submitted', answers: { unitName: '乙' }, explanations: { 'r@p': '因为' } };

describe('survey forms on the device', () => {
  it('a first save makes the id once, a draft with no base; an unchanged save writes nothing', () => {
    expect(first).toMatchObject({ key: 's:7|G101-1', id: 'id-1', status: 'draft', pending: false, baseRev: null, serverStatus: null });
    expect(draftChange(first, fill({ unitName: '甲' }), 't2', () => 'id-2')).toBe(first);
    expect(draftChange(first, fill({ unitName: '丙' }), 't2', () => 'id-2')).toMatchObject({ id: 'id-1', answers: { unitName: '丙' }, savedAt: 't2' });
  });

  it('submit marks it for sending; typing again makes it a draft kept here', () => {
    const sub = markSubmitted(first, 't2');
    expect(sub).toMatchObject({ status: 'submitted', pending: true });
    expect(sendableSubmission(sub, 12)).toBe(true);
    expect(sendableSubmission(sub, null)).toBe(false); // a unit added in the field waits for its server id
    expect(draftChange(sub, fill({ unitName: '丁' }), 't3', () => 'x')).toMatchObject({ status: 'draft', pending: false });
  });

  it('stored: the new revision is the base; an edit made while sending keeps its content and stays marked', () => {
    const sent = markSubmitted(first, 't2');
    expect(afterStored(sent, sent, { rev: 1, status: 'submitted' })).toMatchObject({ pending: false, baseRev: 1, serverStatus: 'submitted' });
    const edited = markSubmitted(draftChange(sent, fill({ unitName: '戊' }), 't3', () => 'x'), 't3');
    expect(afterStored(edited, sent, { rev: 1, status: 'submitted' })).toMatchObject({ pending: true, baseRev: 1, answers: { unitName: '戊' } });
  });

  it('refused: shown with the server issues, not resent until submitted again', () => {
    const sent = markSubmitted(first, 't2');
    const failed = { code: 'SURVEY_NOT_READY', message: { zh: '未就绪', en: 'Not ready' }, issues: [] };
    const r = afterRefused(sent, sent, failed);
    expect(r).toMatchObject({ pending: false, failed });
    expect(markSubmitted(r, 't3').failed).toBeUndefined();
  });

  it('conflict: keep mine resends over the server revision and id; take the server copy replaces the local one', () => {
    const c: LocalSubmission = afterConflict(markSubmitted(first, 't2'), server);
    expect(sendableSubmission(c, 12)).toBe(false);
    const mine = keepMineSubmission(c);
    expect(mine).toMatchObject({ id: 'id-9', baseRev: 4, pending: true, answers: { unitName: '甲' } });
    expect(mine.conflict).toBeUndefined();
    expect(takeServerSubmission(c, 't4')).toMatchObject({ id: 'id-9', baseRev: 4, pending: false, status: 'submitted', answers: { unitName: '乙' }, explanations: { 'r@p': '因为' } });
  });
});
