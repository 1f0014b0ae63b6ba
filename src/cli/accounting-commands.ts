// `pucha coefficients …`: the coefficient library (产排污系数库), through the same API as the console.
import fs from 'node:fs';
import type { Command } from 'commander';
import type { CliKit } from './directory-commands.ts';

interface ImportOpts {
  label: string;
  census: string;
  sample?: boolean;
  inForce?: boolean;
}

export function registerAccountingCommands(program: Command, kit: CliKit) {
  const coef = program.command('coefficients').description('the coefficient library (产排污系数库): import a table, put a version in force');

  coef
    .command('import')
    .description('import a coefficient table (CSV or XLSX, headers in Chinese or English) as a new version; refused whole, with every error listed, when a row is wrong')
    .argument('<file>', 'the table (.csv or .xlsx)')
    .requiredOption('--label <text>', 'the version\'s name, e.g. "2017 普查系数手册 第一版"')
    .option('--census <year>', 'the census year it serves', '2017')
    .option('--sample', 'mark it as a sample (not official)')
    .option('--in-force', 'put it in force at once (the version in force before is retired)')
    .action((file: string, o: ImportOpts) =>
      kit.withApi(async (api) => {
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`no such file: ${file}`);
        const a = await api.upload('/api/v1/accounting/coefficients/import', { label: o.label, census: o.census, sample: String(!!o.sample) }, file);
        const errors = a.body?.error?.details?.errors as { row: number; column: string; message: { zh: string; en: string } }[] | undefined;
        if (errors?.length) for (const e of errors) kit.say(`row ${e.row}\t${e.column}\t${e.message.zh} / ${e.message.en}`);
        let { version } = kit.check(a, [201]);
        kit.say(`version ${version.id} "${version.label}" (census ${version.census}): ${version.rows} rows, ${version.status}`);
        if (o.inForce) {
          version = kit.check(await api.request('POST', `/api/v1/accounting/coefficients/versions/${version.id}/in-force`), [200]).version;
          kit.say(`version ${version.id} is now in force`);
        }
      }),
    );
}
