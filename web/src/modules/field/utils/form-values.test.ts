import { describe, expect, it } from 'vitest';
import type { LocalUnit, OutboxEntry } from '../types.ts';
import { initialValues, round6, toInventoryForm, type FormValues } from './form-values.ts';

const unit: LocalUnit = {
  key: 's:5', packageId: 1, sourceId: 5, clientUuid: null,
  source: { name: '乐清市宏达五金厂', creditCode: null, address: '城东街道1号', legalRep: '王建国', phone: '13800000001', industryCode: 'C33', category: 'industrial', lat: 28.1, lng: 120.9, formerNames: null, permitNo: null, radioactive: false, zoneCode: null },
  record: { sourceId: 5, clientUuid: null, status: 'rejected', state: 'normal', stateReason: null, data: { name: '宏达五金厂', address: '城东街道2号' }, version: 3, visitedAt: null, visitFar: false, rejectReason: '地址不对', remarks: [] },
};

describe('form values', () => {
  it('start from the unsent edit, else the record, else the source', () => {
    expect(initialValues(unit, undefined)).toMatchObject({ name: '宏达五金厂', address: '城东街道2号', legalRep: '王建国', state: 'normal', contacts: [{ name: '王建国', phone: '13800000001' }] });
    const entry: OutboxEntry = { unitKey: 's:5', packageId: 1, savedAt: 'x', item: { opId: 'o', sourceId: 5, baseVersion: 3, state: 'deleted', stateReason: 'duplicate', submit: false, data: { name: '新名' } } };
    expect(initialValues(unit, entry)).toMatchObject({ name: '新名', state: 'deleted', stateReason: 'duplicate', address: '城东街道1号' });
    expect(initialValues(null, undefined)).toMatchObject({ name: '', state: 'added', category: 'industrial', contacts: [] });
  });

  it('send only what was filled in, trimmed and upper-cased where codes are', () => {
    const v: FormValues = {
      name: ' 乐清市新光塑料厂 ', creditCode: ' 91330382ma2ab3c4x ', formerNames: [' 新光厂 ', '', '新光厂'], contacts: [{ name: ' 周强 ', phone: '' }, {}],
      sites: [{ address: ' 二厂区 ', lat: 28.2 }, { address: ' ' }], radioactive: false, minerals: ['独居石'], lat: 28.11, lng: null, remarks: '  ',
    };
    expect(toInventoryForm(v)).toEqual({
      name: '乐清市新光塑料厂', creditCode: '91330382MA2AB3C4X', formerNames: ['新光厂'], contacts: [{ name: '周强' }],
      sites: [{ address: '二厂区', lat: 28.2 }], radioactive: false, lat: 28.11,
    });
    expect(toInventoryForm({ ...v, radioactive: true }).minerals).toEqual(['独居石']);
    expect(round6(120.96731234)).toBe(120.967312);
  });
});
