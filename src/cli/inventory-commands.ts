// `pucha inventory …`: the inventory's commands (placing sources in census zones,
// progress per region), through the same API as the console.
import type { Command } from 'commander';
import type { CliKit } from './directory-commands.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function registerInventoryCommands(program: Command, kit: CliKit) {
  const inv = program.command('inventory').description('the inventory (清查): census zones, progress');

  inv
    .command('place')
    .description('place every unzoned source of a region in its census zone by address (a job, with a progress bar)')
    .requiredOption('--region <code>', 'county or township code')
    .action((o: { region: string }) =>
      kit.withApi(async (api) => {
        const { job } = kit.check(await api.request('POST', '/api/v1/inventory/zones/assign', { regionCode: o.region }), [202]);
        const done = await kit.follow(api, job);
        kit.say(`placed ${done.result.placed}, left for placing by hand ${done.result.unplaced}`);
      }),
    );

  inv
    .command('progress')
    .description('sources to visit, visited, per state, confirmed, disputed, completion, per child region')
    .option('--region <code>', 'region (default: your own)')
    .action((o: { region?: string }) =>
      kit.withApi(async (api) => {
        const p = kit.check(await api.request('GET', `/api/v1/inventory/progress${o.region ? `?region=${o.region}` : ''}`), [200]);
        const line = (r: { code: string | null; name: string; sources: number; visited: number; confirmed: number; disputed: number; completion: number; byState: Record<string, number> }) =>
          [r.code ?? '—', r.name || '(not in a township)', r.sources, r.visited, r.confirmed, r.disputed, pct(r.completion), Object.entries(r.byState).map(([k, v]) => `${k}:${v}`).join(' ')].join('\t');
        kit.say(['code', 'name', 'sources', 'visited', 'confirmed', 'disputed', 'completion', 'states'].join('\t'));
        for (const r of p.rows) kit.say(line(r));
        kit.say(line({ ...p.total, name: `${p.total.name} (total)` }));
      }),
    );
}
