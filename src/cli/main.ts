// `pucha`: serve, migrate, backup, restore, demo, user add, import register, coefficients import. Every command has --help.
import fs from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config.ts';
import { isAppError } from '../core/errors.ts';
import { openDatabase } from '../core/db/index.ts';
import { readLiveLock } from '../core/db/pglite.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../domains/demo/index.ts';
import { DEPARTMENTS, ROLES } from '../domains/access/index.ts';
import { prepareDatabase, startServer } from '../server/start.ts';
import { ClusterNeedsServer, serveCluster } from '../server/cluster.ts';
import { connectApi, type Api, type ApiAnswer } from './api.ts';
import { ProgressBar } from './progress.ts';
import { CliError } from './cli-error.ts';
import { registerDirectoryCommands } from './directory-commands.ts';
import { registerInventoryCommands } from './inventory-commands.ts';
import { registerSupervisionCommands } from './supervision-commands.ts';
import { registerAccountingCommands } from './accounting-commands.ts';
import { registerRollupCommands } from './rollups-commands.ts';
import { migrateFromEmbedded, registerBackupCommands } from './backup-commands.ts';

const say = (l: string) => process.stderr.write(`${l}\n`);

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is a number from 0 to 65535');
  return n;
}

function positive(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('a number from 1 to 64');
  return n;
}


function check(a: ApiAnswer, ok: number[]): any {
  if (ok.includes(a.status)) return a.body;
  const e = a.body?.error;
  throw new CliError(e ? `${e.code}: ${e.message.zh} / ${e.message.en}` : `HTTP ${a.status}`);
}

/** Follows a job until it ends, drawing its progress. */
async function follow(api: Api, job: { id: number }) {
  const bar = new ProgressBar();
  for (;;) {
    const j = check(await api.request('GET', `/api/v1/jobs/${job.id}`), [200]);
    bar.update(j.progressDone, j.progressTotal, j.message);
    if (['succeeded', 'failed', 'cancelled'].includes(j.status)) {
      bar.end(`job ${j.id} ${j.kind}: ${j.status}${j.result ? ` ${JSON.stringify(j.result)}` : ''}`);
      if (j.status !== 'succeeded') throw new CliError(j.error ? `${j.error.code}: ${j.error.message.en}` : `job ${j.status}`);
      return j;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

async function withApi<T>(fn: (api: Api) => Promise<T>): Promise<T> {
  const api = await connectApi(loadConfig(), say);
  try {
    return await fn(api);
  } finally {
    await api.close();
  }
}

function printAccounts(url: string) {
  const w = Math.max(...DEMO_USERS.map((u) => u.username.length));
  say(`\nPucha is running at ${url}/console/`);
  say(`Demo accounts (password ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) say(`  ${u.username.padEnd(w)}  ${u.role.padEnd(19)} ${u.regionCode.padEnd(9)}  ${u.displayName}`);
  say('');
}

const program = new Command();
program.name('pucha').description('Pucha (普查): the pollution-source census platform').showHelpAfterError();

program
  .command('serve')
  .description('start the server (migrates first; PORT, DATABASE_URL, PUCHA_DATA_DIR, PUCHA_SECRET from the environment)')
  .option('-p, --port <n>', 'port to listen on (default: $PORT or 3000)', port)
  .option('--host <host>', 'address to bind (default: $HOST or 127.0.0.1)')
  .option('--demo', 'load the demo census if this database has none yet')
  .option('--workers <n>', 'run N server processes on one port (PostgreSQL server only)', positive)
  .action(async (o: { port?: number; host?: string; demo?: boolean; workers?: number }) => {
    const base = loadConfig();
    const config = { ...base, port: o.port ?? base.port, host: o.host ?? base.host };
    if (o.workers && o.workers > 1) {
      await serveCluster(config, o.workers, {
        demo: !!o.demo, log: say,
        onReady: (url) => (o.demo ? printAccounts(url) : say(`Pucha is running at ${url}/console/ (${o.workers} processes)`)),
      }).catch((e) => {
        if (e instanceof ClusterNeedsServer) throw new CliError(e.message);
        throw e;
      });
      return;
    }
    const running = await startServer(config, { demoOnFirstStart: !!o.demo, log: say });
    say(`database: ${running.ctx.database.kind}${running.ctx.database.kind === 'pglite' ? ` in ${config.dataDir}` : ''}`);
    if (o.demo) printAccounts(running.url);
    else say(`Pucha is running at ${running.url}/console/`);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      say('stopping…');
      await running.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('apply database migrations and load the region tree; --from-embedded DIR moves a county\'s embedded database into the server of DATABASE_URL')
  .option('--from-embedded <dir>', 'the data folder of an embedded Pucha (its server stopped) to move into PostgreSQL')
  .option('--replace', 'with --from-embedded: replace a server database that already holds data')
  .action(async (o: { fromEmbedded?: string; replace?: boolean }) => {
    if (o.fromEmbedded) return migrateFromEmbedded(o.fromEmbedded, say, { replace: o.replace });
    const config = loadConfig();
    const holder = config.databaseUrl ? undefined : readLiveLock(config.dataDir);
    if (holder) {
      say(`the server (pid ${holder.pid}) holds ${config.dataDir}; it applied the migrations when it started`);
      return;
    }
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await prepareDatabase(database, say);
      say('database is up to date');
    } finally {
      await database.close();
    }
  });

program
  .command('demo')
  .description('load or reload the demo census (浙江省 → 温州市 → 乐清市, 重庆市北碚区, one account per role); --national adds the synthetic national census')
  .option('--national', 'load the national synthetic census: 3,579,700 sources at scale 1 (the 2020 bulletin\'s categories), inventoried, with emissions and totals')
  .option('--scale <n>', 'with --national: the share of the real census to generate, 0 < n ≤ 1', (v) => Number(v), 1)
  .action((o: { national?: boolean; scale: number }) =>
    withApi(async (api) => {
      if (o.national) {
        const { job: national } = check(await api.request('POST', '/api/v1/demo/national', { scale: o.scale }), [202]);
        const done = await follow(api, national);
        say(`national synthetic census: ${done.result?.sources} sources in ${done.result?.seconds} s`);
        return;
      }
      const { job } = check(await api.request('POST', '/api/v1/demo'), [202]);
      const done = await follow(api, job);
      // Matching, then the inventory and survey demos, queued by the load: wait for them too.
      for (const id of (done.result?.followUpJobs ?? []) as number[]) await follow(api, { id });
      say(`demo accounts (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.username).join(', ')}`);
    }),
  );

const regions = program.command('regions').description('the region tree');
regions
  .command('villages')
  .description('load the 620,573 villages and residents\' committees (resumable job, about a minute)')
  .action(() =>
    withApi(async (api) => {
      const { job } = check(await api.request('POST', '/api/v1/regions/villages'), [202]);
      await follow(api, job);
    }),
  );

const user = program.command('user').description('manage user accounts');
user
  .command('add')
  .description('create a user; the password is read from standard input')
  .argument('<username>', 'login name (3–64 letters, digits, _ . @ -)')
  .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
  .requiredOption('--region <code>', 'region code of the user\'s scope, e.g. 330382')
  .option('--name <name>', 'display name (default: the username)')
  .option('--department <code>', 'department, for department-reviewer (samr, tax, stats, mee, miit, moa, mwr, mohurd, other)')
  .option('--agency <id>', 'agency id, for agency-staff', (v) => Number(v))
  .option('--phone <phone>', 'phone number')
  .action(async (username: string, o: { role: string; region: string; name?: string; department?: string; agency?: number; phone?: string }) => {
    const password = await readStdin();
    await withApi(async (api) => {
      const u = check(
        await api.request('POST', '/api/v1/users', {
          username,
          displayName: o.name ?? username,
          password,
          role: o.role,
          regionCode: o.region,
          ...(o.department ? { department: o.department } : {}),
          ...(o.agency ? { agencyId: o.agency } : {}),
          ...(o.phone ? { phone: o.phone } : {}),
        }),
        [201],
      );
      say(`created user ${u.username} (id ${u.id}, ${u.role}, ${u.regionCode})`);
    });
  });

/** "credit_code=统一社会信用代码,name=单位名称" → { credit_code: …, name: … }. */
function columnsOption(v: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of v.split(/[,，]/).filter((p) => p.trim())) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new InvalidArgumentError('write FIELD=HEADER pairs separated by commas, e.g. name=单位名称,credit_code=统一社会信用代码');
    out[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
  }
  return out;
}

const imports = program.command('import').description('import data files through the API');
imports
  .command('register')
  .description('import a department register (CSV or XLSX, UTF-8/UTF-16/GBK) as a job with progress, then print its summary')
  .argument('<file>', 'the register file (.csv or .xlsx)')
  .requiredOption('--department <code>', `the department that sent it: ${DEPARTMENTS.join(', ')}`)
  .requiredOption('--region <code>', 'the region it covers, e.g. 330382')
  .option('--mapping <name>', 'use the column mapping saved for the department under this name (e.g. last)')
  .option('--columns <pairs>', 'the whole column mapping, FIELD=HEADER,… (fields: credit_code, name, address, legal_rep, industry_code, phone, region_code); default: guessed from the headers', columnsOption)
  .option('--save-mapping <name>', 'also save the mapping used under this name (it is always saved as "last")')
  .option('--errors <path>', 'where to write the rows with errors as XLSX (default: FILE.errors.xlsx)')
  .action(async (file: string, o: { department: string; region: string; mapping?: string; columns?: Record<string, string>; saveMapping?: string; errors?: string }) => {
    if (o.mapping && o.columns) throw new CliError('give --mapping or --columns, not both');
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`no such file: ${file}`);
    await withApi(async (api) => {
      const fields: Record<string, string> = { department: o.department, regionCode: o.region };
      if (o.mapping) fields.mappingName = o.mapping;
      if (o.columns) fields.mapping = JSON.stringify(o.columns);
      if (o.saveMapping) fields.saveMappingAs = o.saveMapping;
      const { register, job } = check(await api.upload('/api/v1/registers', fields, file), [202]);
      say(`register ${register.id}: ${register.fileName} (${register.encoding}), mapping ${JSON.stringify(register.mapping)}`);
      await follow(api, job);
      const r = check(await api.request('GET', `/api/v1/registers/${register.id}`), [200]);
      say(`register ${r.id} ${r.department} ${r.regionCode} ${r.regionName}: ${r.rowCount} rows, ${r.validCount} valid, ${r.rowCount - r.validCount} with errors (${r.errorCount} errors)`);
      if (r.errorCount > 0) {
        const url = `/api/v1/registers/${r.id}/errors.xlsx`;
        const out = o.errors ?? `${file}.errors.xlsx`;
        check(await api.download(url, out), [200]);
        say(`rows with errors: ${out}${api.base ? ` (also ${api.base}${url})` : ''}`);
      }
    });
  });

registerDirectoryCommands(program, { withApi, check, follow, say });
registerInventoryCommands(program, { withApi, check, follow, say });
registerSupervisionCommands(program, { withApi, check, follow, say });
registerAccountingCommands(program, { withApi, check, follow, say });
registerRollupCommands(program, { withApi, check, follow, say });
registerBackupCommands(program, say);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CliError) say(`error: ${e.message}`);
  else if (isAppError(e)) say(`error: ${e.code}: ${e.message}`);
  else say(`error: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
