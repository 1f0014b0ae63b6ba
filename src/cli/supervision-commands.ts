// `pucha supervision …`: the progress ranking and dispatches (调度) from the command line, through
// the same API as the console; the XLSX of a dispatch is written to a file.
import type { Command } from 'commander';
import type { CliKit } from './directory-commands.ts';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
interface Row { rank: number; rankChange: number | null; code: string; name: string; progress: number; expected: number; lagScore: number; laggard: boolean; gaps: string[] }

export function registerSupervisionCommands(program: Command, kit: CliKit) {
  const sup = program.command('supervision').description('progress dispatch and supervision (调度与督导): ranking, dispatches');
  const table = (rows: Row[]) => {
    kit.say(['rank', 'change', 'code', 'name', 'progress', 'expected', 'lag', 'laggard', 'gaps'].join('\t'));
    for (const r of rows) {
      kit.say([r.rank, r.rankChange === null ? '' : r.rankChange > 0 ? `+${r.rankChange}` : r.rankChange, r.code, r.name, pct(r.progress), pct(r.expected), r.lagScore, r.laggard ? '点名' : '', r.gaps.join(',')].join('\t'));
    }
  };

  sup
    .command('progress')
    .description('the children of a region ranked by lag score on a day')
    .option('--region <code>', 'region (default: your own)')
    .option('--as-of <date>', 'YYYY-MM-DD (default: today)')
    .action((o: { region?: string; asOf?: string }) =>
      kit.withApi(async (api) => {
        const q = new URLSearchParams({ ...(o.region ? { region: o.region } : {}), ...(o.asOf ? { asOf: o.asOf } : {}) });
        const p = kit.check(await api.request('GET', `/api/v1/supervision/progress?${q}`), [200]);
        kit.say(`${p.region.name} ${p.asOf} (compared with ${p.previousOn})`);
        table(p.rows);
      }),
    );

  sup
    .command('dispatch')
    .description('generate a dispatch for a day from the data as of that day (a draft; --publish numbers and posts it)')
    .requiredOption('--as-of <date>', 'YYYY-MM-DD')
    .option('--kind <kind>', 'biweekly | monthly', 'biweekly')
    .option('--region <code>', 'the issuing region (default: your own)')
    .option('--publish', 'publish it at once')
    .option('--xlsx <file>', 'write its table as XLSX')
    .action((o: { asOf: string; kind: string; region?: string; publish?: boolean; xlsx?: string }) =>
      kit.withApi(async (api) => {
        let d = kit.check(await api.request('POST', '/api/v1/supervision/dispatches', { kind: o.kind, asOf: o.asOf, ...(o.region ? { region: o.region } : {}) }), [201]);
        if (o.publish) d = kit.check(await api.request('POST', `/api/v1/supervision/dispatches/${d.id}/publish`, { version: d.version }), [200]);
        kit.say(`${d.title} — ${d.status}${d.number ? ` 第${d.number}期` : ''} (id ${d.id})`);
        table(d.figures.rows);
        for (const l of d.figures.laggards) kit.say(`点名 ${l.name}: ${l.reasons.join('；')}`);
        if (o.xlsx) {
          kit.check(await api.download(`/api/v1/supervision/dispatches/${d.id}/xlsx`, o.xlsx), [200]);
          kit.say(`wrote ${o.xlsx}`);
        }
      }),
    );
}
