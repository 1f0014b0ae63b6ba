import { describe, expect, it } from 'vitest';
import { formatPath, parsePath } from './reach-path.ts';

describe('parsePath', () => {
  it('reads one lng, lat pair a line, with ASCII or full-width commas or spaces', () => {
    expect(parsePath('120.95, 28.10\n120.97，28.11\n\n120.99 28.12')).toEqual({ path: [[120.95, 28.1], [120.97, 28.11], [120.99, 28.12]] });
  });

  it('reads the JSON the API speaks', () => {
    expect(parsePath('[[120.9,28.1],[121,28.2]]')).toEqual({ path: [[120.9, 28.1], [121, 28.2]] });
  });

  it('is no line when empty', () => {
    expect(parsePath('  ')).toEqual({ path: undefined });
  });

  it('names the first bad line', () => {
    expect(parsePath('120.9, 28.1\nnorth of the bridge')).toEqual({ error: 2 });
    expect(parsePath('120.9, 28.1\n200, 28.1')).toEqual({ error: 2 });
    expect(parsePath('[[120.9,28.1],[1,"x"]]')).toEqual({ error: 1 });
  });

  it('wants at least two points', () => {
    expect(parsePath('120.9, 28.1')).toEqual({ error: 1 });
  });

  it('formats back what it reads', () => {
    const path: Array<[number, number]> = [[120.95, 28.1], [121, 28.2]];
    expect(parsePath(formatPath(path))).toEqual({ path });
  });
});
