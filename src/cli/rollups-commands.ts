// `pucha rollups …` and `pucha emissions …`: checking and recomputing the emission totals,
// through the same API as the console.
import type { Command } from 'commander';
import type { CliKit } from './directory-commands.ts';

export function registerRollupCommands(program: Command, kit: CliKit) {
  const rollups = program.command('rollups').description('the emission totals (汇总)');
  rollups
    .command('verify')
    .description('recompute every figure and total from the forms and report any difference (a job; changes nothing)')
    .action(() =>
      kit.withApi(async (api) => {
        const { job } = kit.check(await api.request('POST', '/api/v1/accounting/rollups/verify'), [202]);
        const done = await kit.follow(api, job);
        const r = done.result as { sources: number; figureDifferences: number; rollupDifferences: number; figures: unknown[]; rollups: Array<{ key: string; stored: number | null; expected: number | null }> };
        kit.say(`${r.sources} sources checked: ${r.figureDifferences} with figures that differ from their forms, ${r.rollupDifferences} total rows that differ`);
        for (const d of r.rollups) kit.say(`  ${d.key}\tstored ${d.stored ?? '—'}\texpected ${d.expected ?? '—'}`);
        if (r.figureDifferences || r.rollupDifferences) process.exitCode = 1;
      }),
    );

  program
    .command('emissions')
    .description('emissions (核算)')
    .command('recompute')
    .description('compute every source of a region again (a job, with a progress bar)')
    .option('--region <code>', 'region (default: the nation)')
    .action((o: { region?: string }) =>
      kit.withApi(async (api) => {
        const { job } = kit.check(await api.request('POST', '/api/v1/accounting/recompute', o.region ? { regionCode: o.region } : {}), [202]);
        const done = await kit.follow(api, job);
        kit.say(`${done.result.sources} sources computed`);
      }),
    );
}
