// `pucha match` and `pucha export …`: the directory's commands.
import fs from 'node:fs';
import type { Command } from 'commander';
import type { Api, ApiAnswer } from './api.ts';
import { exportSubmissions } from './export-commands.ts';

export interface CliKit {
  withApi<T>(fn: (api: Api) => Promise<T>): Promise<T>;
  check(a: ApiAnswer, ok: number[]): any;
  follow(api: Api, job: { id: number }): Promise<any>;
  say(line: string): void;
}

const EXPORTS: Record<string, { csv?: string; xlsx?: string }> = {
  links: { csv: '/api/v1/directory/links.csv' },
  directory: { csv: '/api/v1/sources/export.csv', xlsx: '/api/v1/sources/export.xlsx' },
};

export function registerDirectoryCommands(program: Command, kit: CliKit) {
  program
    .command('match')
    .description('match the imported register rows of a region into the directory (a job, with a progress bar)')
    .option('--region <code>', 'region to match (default: the whole database)', '100000')
    .action((o: { region: string }) =>
      kit.withApi(async (api) => {
        const { job } = kit.check(await api.request('POST', '/api/v1/directory/match', { regionCode: o.region }), [202]);
        const done = await kit.follow(api, job);
        const r = done.result;
        kit.say(`rows ${r.rowsRead}, linked ${r.rowsLinked}, new sources ${r.sourcesCreated}, pairs scored ${r.pairsScored}, queued for review ${r.queued}`);
      }),
    );

  program
    .command('export')
    .description('export directory data — links (register_id,register_file,row_number,source_id) or directory — or the survey\'s submissions')
    .argument('<what>', 'links | directory | submissions')
    .option('--format <format>', 'csv or xlsx', 'csv')
    .option('--out <file>', 'write to this file instead of standard output (required for submissions)')
    .option('--form <code>', 'submissions: one form, its fields as columns (e.g. G101-1)')
    .option('--region <code>', 'submissions: a region inside your scope')
    .option('--status <status>', 'submissions: draft | submitted | returned | approved | locked')
    .action((what: string, o: { format: string; out?: string; form?: string; region?: string; status?: string }) =>
      kit.withApi(async (api) => {
        if (what === 'submissions') return exportSubmissions(api, o, kit.say);
        const url = EXPORTS[what]?.[o.format as 'csv' | 'xlsx'];
        if (!url) throw new Error(`cannot export ${what} as ${o.format} (try: links --format csv, directory --format csv|xlsx, submissions --format csv|xlsx)`);
        // Streamed to the file (or standard output), never held whole in memory.
        kit.check(await api.download(url, o.out ?? '/dev/stdout'), [200]);
        if (o.out) kit.say(`wrote ${fs.statSync(o.out).size} bytes to ${o.out}`);
      }),
    );
}
