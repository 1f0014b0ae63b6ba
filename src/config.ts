// Configuration comes from the environment only, read once at start-up.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secret: string;
  logLevel: string;
  /** Where the built console lives; served as static files when present. */
  webDist: string;
  /** Largest register file (CSV/XLSX) accepted, in bytes: PUCHA_REGISTER_UPLOAD_LIMIT, default 2 GiB. */
  registerUploadLimit: number;
  /** Webhooks may point at loopback and private addresses (PUCHA_WEBHOOK_PRIVATE=1; off by default: an office admin must not reach the server's own network). */
  webhookPrivate: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.PUCHA_DATA_DIR ?? './var');
  const url = env.DATABASE_URL?.trim();
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: url && /^postgres(ql)?:\/\//.test(url) ? url : undefined,
    dataDir,
    secret: env.PUCHA_SECRET ?? '',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    webDist: path.resolve(env.PUCHA_WEB_DIST ?? new URL('../web/dist', import.meta.url).pathname),
    webhookPrivate: env.PUCHA_WEBHOOK_PRIVATE === '1',
    registerUploadLimit: Number(env.PUCHA_REGISTER_UPLOAD_LIMIT) > 0 ? Number(env.PUCHA_REGISTER_UPLOAD_LIMIT) : 2 * 1024 ** 3,
  };
}
