// A real `pucha serve` process for a benchmark, on a free port of loopback, and the CPU it used
// (the server's own cost per request, whatever else shares the machine). Every bench measures
// through one of these, as a deployment would be reached.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export interface BenchServer {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts `pucha serve` with `env` (logging at warn) and `args`; resolves once /healthz answers. */
export async function startServe(env: Record<string, string | undefined>, opts: { args?: string[]; nodeArgs?: string[] } = {}): Promise<BenchServer> {
  const port = await freePort();
  const server = spawn(process.execPath, [...(opts.nodeArgs ?? []), 'bin/pucha.js', 'serve', '--port', String(port), ...(opts.args ?? [])], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 600) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, pid: server.pid!, stop: async () => { server.kill('SIGTERM'); await new Promise((r) => server.once('exit', r)); } };
}

/** CPU seconds (user + system) a process and its worker processes have used, from /proc. */
export function cpuSeconds(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  let children: number[] = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    /* no children file: one process */
  }
  return (Number(f[11]) + Number(f[12])) / 100 + children.reduce((n, c) => n + cpuSeconds(c), 0); // utime, stime in clock ticks (USER_HZ = 100)
}
