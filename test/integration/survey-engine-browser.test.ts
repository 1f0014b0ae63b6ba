// The survey engine bundled for the browser (esbuild, as Vite would) and run in Debian's
// Chromium: the same cases as in Node must give the very same verdicts, issue for issue,
// message for message, calculated value for value.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIndustryCode } from '../../src/domains/directory/index.ts';
import { censusEngine } from '../../src/domains/survey/forms/index.ts';
import { CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { runSurveyCases } from '../helpers/survey-cases.ts';

const required = process.env.PUCHA_REQUIRE_ALL === '1';
const run = fs.existsSync(CHROMIUM) || required ? describe : describe.skip;
const repo = path.resolve(import.meta.dirname, '../..');

// The page gets the engine with the directory's industry table, as the console will.
const ENTRY = `
  import { censusEngine } from './src/domains/survey/forms/index.ts';
  import { checkIndustryCode } from './src/domains/directory/rules/industry.ts';
  import { runSurveyCases } from './test/helpers/survey-cases.ts';
  const engine = censusEngine({ industry: (c) => /^\\d{4}$/.test(c) && checkIndustryCode(c).ok });
  export const cases = () => runSurveyCases(engine);
`;

run('survey engine in Chromium', () => {
  let browser: Browser;
  let bundle: string;

  beforeAll(async () => {
    const out = await build({
      stdin: { contents: ENTRY, resolveDir: repo, sourcefile: 'survey-entry.ts', loader: 'ts' },
      bundle: true, write: false, format: 'iife', globalName: 'SurveyEngine', platform: 'browser', target: 'es2022', logLevel: 'silent',
    });
    bundle = out.outputFiles[0].text;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('bundles for the browser platform without Node built-ins', () => {
    expect(bundle.length).toBeGreaterThan(10_000);
    expect(bundle).not.toMatch(/require\("(?:node:)?(?:fs|path|crypto|buffer)"\)/);
  });

  it('gives the same verdicts in the browser as in Node', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent('<!doctype html><meta charset="utf-8"><title>survey engine</title>');
    await page.addScriptTag({ content: bundle });
    const inBrowser = await page.evaluate(() => (globalThis as any).SurveyEngine.cases());
    const node = runSurveyCases(censusEngine({ industry: (c) => /^\d{4}$/.test(c) && checkIndustryCode(c).ok }));
    expect(errors).toEqual([]);
    expect(inBrowser.cases.length).toBe(node.cases.length);
    for (const [i, c] of node.cases.entries()) expect(inBrowser.cases[i], c.name).toEqual(c);
    expect(inBrowser).toEqual(node);

    await page.close();
  });
});
