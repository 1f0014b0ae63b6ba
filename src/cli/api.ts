// The CLI talks to Pucha through its HTTP API: to the running server when one
// holds the embedded data folder, otherwise to an app it starts in-process (no
// socket), so both paths share the server's validation, authorisation and audit.
import type { Config } from '../config.ts';
import { openDatabase } from '../core/db/index.ts';
import { readLiveLock } from '../core/db/pglite.ts';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/start.ts';
import { JobRunner } from '../domains/jobs/index.ts';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface ApiAnswer {
  status: number;
  body: any;
}

export interface Api {
  mode: 'server' | 'local';
  /** Where the server listens, in 'server' mode. */
  base?: string;
  request(method: string, url: string, body?: unknown): Promise<ApiAnswer>;
  /** POSTs a multipart form: the fields, then the file under "file", streamed from disk. */
  upload(url: string, fields: Record<string, string>, filePath: string): Promise<ApiAnswer>;
  /** GETs a file and writes it to `filePath`; answers the status (and the error body when not 200). */
  download(url: string, filePath: string): Promise<ApiAnswer>;
  /** GETs a response as a stream (the body is never held whole); `error` is the parsed body when not 200. */
  stream(url: string): Promise<{ status: number; headers: Record<string, string>; body: Readable | null; error: any }>;
  close(): Promise<void>;
}

/** A multipart body as a stream: the fields, then the file read from disk chunk by chunk. */
function multipartStream(fields: Record<string, string>, filePath: string) {
  const boundary = `----pucha${randomBytes(12).toString('hex')}`;
  const quote = (s: string) => s.replace(/["\r\n]/g, (c) => encodeURIComponent(c));
  async function* body() {
    for (const [name, value] of Object.entries(fields)) {
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`);
    }
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quote(path.basename(filePath))}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
    yield* fs.createReadStream(filePath);
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return { stream: Readable.from(body()), contentType: `multipart/form-data; boundary=${boundary}` };
}

const parse = (text: string) => {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { error: { code: 'INTERNAL', message: { zh: text.slice(0, 200), en: text.slice(0, 200) } } };
  }
};

export async function connectApi(config: Config, onLog: (l: string) => void = () => {}): Promise<Api> {
  const lock = config.databaseUrl ? undefined : readLiveLock(config.dataDir);
  if (lock?.port && lock.token) {
    const base = `http://127.0.0.1:${lock.port}`;
    onLog(`using the running server (pid ${lock.pid}) at ${base}`);
    const auth = { authorization: `Bearer ${lock.token}` };
    return {
      mode: 'server',
      base,
      async upload(url, fields, filePath) {
        const form = new FormData();
        for (const [k, v] of Object.entries(fields)) form.append(k, v);
        // A Blob backed by the file: fetch streams it, the file is never read whole.
        form.append('file', await fs.openAsBlob(filePath), path.basename(filePath));
        const res = await fetch(base + url, { method: 'POST', headers: auth, body: form });
        return { status: res.status, body: parse(await res.text()) };
      },
      async download(url, filePath) {
        const res = await fetch(base + url, { headers: auth });
        if (res.status !== 200 || !res.body) return { status: res.status, body: parse(await res.text()) };
        await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), fs.createWriteStream(filePath));
        return { status: 200, body: null };
      },
      async stream(url) {
        const res = await fetch(base + url, { headers: auth });
        const headers = Object.fromEntries(res.headers.entries());
        if (res.status !== 200 || !res.body) return { status: res.status, headers, body: null, error: parse(await res.text()) };
        return { status: 200, headers, body: Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), error: null };
      },
      async request(method, url, body) {
        const res = await fetch(base + url, {
          method,
          headers: { authorization: `Bearer ${lock.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : null };
      },
      close: async () => {},
    };
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await prepareDatabase(database, onLog);
  const jobs = new JobRunner(database.db, { dataDir: config.dataDir, pollMs: 100, staleSeconds: database.kind === 'pglite' ? 0 : 60 });
  const token = randomBytes(24).toString('base64url');
  const app = await buildApp({ config: { ...config, logLevel: 'silent' }, database, db: database.db, jobs, localToken: token });
  await app.ready();
  await jobs.start();
  return {
    mode: 'local',
    async upload(url, fields, filePath) {
      const { stream, contentType } = multipartStream(fields, filePath);
      const res = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload: stream });
      return { status: res.statusCode, body: parse(res.body) };
    },
    async download(url, filePath) {
      const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      if (res.statusCode !== 200) return { status: res.statusCode, body: parse(res.body) };
      fs.writeFileSync(filePath, res.rawPayload);
      return { status: 200, body: null };
    },
    async stream(url) {
      const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` }, payloadAsStream: true });
      const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
      const body = res.stream();
      if (res.statusCode === 200) return { status: 200, headers, body, error: null };
      const chunks: Buffer[] = [];
      for await (const c of body) chunks.push(Buffer.from(c));
      return { status: res.statusCode, headers, body: null, error: parse(Buffer.concat(chunks).toString()) };
    },
    async request(method, url, body) {
      const res = await app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
        payload: body as object | undefined,
      });
      return { status: res.statusCode, body: res.body ? res.json() : null };
    },
    async close() {
      await jobs.stop();
      await app.close();
      await database.close();
    },
  };
}
