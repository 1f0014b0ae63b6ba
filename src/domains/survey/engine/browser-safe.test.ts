// The engine and the forms must run in a browser as they are: no Node built-ins, no Buffer or
// process, no code from strings, and no import that leads out of the survey domain except the
// pure identifier rules in core. (The Chromium test proves it by running them; this says why
// when it would fail.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const files = ['engine', 'forms'].flatMap((dir) => fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => path.join(root, dir, f)));

describe('browser-safe sources', () => {
  it.each(files.map((f) => [path.relative(root, f), f]))('%s', (_name, file) => {
    // Comments may name what is banned (to say it is not used); code may not.
    const src = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    expect(src).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|\bprocess\.|\beval\(|new Function|\bimport\(/);
    for (const [, spec] of src.matchAll(/from '([^']+)'/g)) {
      const target = path.resolve(path.dirname(file), spec);
      const allowed = target.startsWith(root + path.sep) || target.includes(`${path.sep}core${path.sep}identifiers${path.sep}`);
      expect(allowed, `${spec} leaves the survey domain`).toBe(true);
    }
  });
});
