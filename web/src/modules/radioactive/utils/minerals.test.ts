import { describe, expect, it } from 'vitest';
import { cleanMinerals, mineralsProblem } from './minerals.ts';

const m = (code: string, nameZh = '稀土', nameEn = 'Rare earths', industries: string[] = ['0932']) => ({ code, nameZh, nameEn, industries, active: true });

describe('the minerals list', () => {
  it('is trimmed, with industry classes unique and non-empty', () => {
    expect(cleanMinerals([m(' 01 ', ' 稀土 ', 'Rare earths ', ['0932', ' 0932', ''])])).toEqual([m('01', '稀土', 'Rare earths', ['0932'])]);
  });

  it('needs a code and both names on every row, and codes once each', () => {
    expect(mineralsProblem([m('01'), m('02')])).toBeNull();
    expect(mineralsProblem([m('01'), m(' ')])).toEqual({ kind: 'incomplete', row: 1 });
    expect(mineralsProblem([m('01', '稀土', '  ')])).toEqual({ kind: 'incomplete', row: 0 });
    expect(mineralsProblem([m('01'), m(' 01')])).toEqual({ kind: 'duplicate', code: '01' });
    expect(mineralsProblem([m('0-1')])).toEqual({ kind: 'code', code: '0-1' });
    expect(mineralsProblem([m('123456789')])).toEqual({ kind: 'code', code: '123456789' });
  });
});
