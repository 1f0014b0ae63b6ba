// The one way the console talks to the server. Cookies carry the session; the
// CSRF token from the session body goes on every state-changing request.
import type { ApiErrorBody, LocalizedText } from './types.ts';

export type Lang = 'zh' | 'en';

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly text: LocalizedText;
  readonly details: unknown;

  constructor(code: string, status: number, text: LocalizedText, details?: unknown) {
    super(`${code}: ${text.en}`);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.text = text;
    this.details = details;
  }

  textIn(lang: Lang): string {
    return lang === 'en' ? this.text.en : this.text.zh;
  }
}

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

let csrfToken = '';
let onAuthLost: (() => void) | null = null;
let onCsrfRejected: (() => void) | null = null;

export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** Called when a request answers 401 AUTH_REQUIRED: the session expired. */
export function setAuthLostHandler(fn: (() => void) | null) {
  onAuthLost = fn;
}

/** Called on 403 AUTH_CSRF, so the session (and its token) can be re-read. */
export function setCsrfRejectedHandler(fn: (() => void) | null) {
  onCsrfRejected = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

const SAFE = new Set(['GET', 'HEAD']);

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body; // the browser sets the multipart boundary
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }

  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError('NETWORK', 0, { zh: '无法连接服务器，请检查网络', en: 'Cannot reach the server; check the network' });
  }

  if (res.status === 204) return undefined as T;
  const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
  const data: unknown = isJson ? await res.json().catch(() => null) : null;
  if (res.ok) return data as T;

  const err = toApiError(res.status, data);
  if (err.code === 'AUTH_REQUIRED' && path !== '/api/v1/session') onAuthLost?.();
  if (err.code === 'AUTH_CSRF') onCsrfRejected?.();
  throw err;
}

function toApiError(status: number, data: unknown): ApiError {
  const e = (data as Partial<ApiErrorBody> | null)?.error;
  if (e && typeof e.code === 'string' && e.message && typeof e.message.zh === 'string') {
    return new ApiError(e.code, e.status ?? status, e.message, e.details);
  }
  return new ApiError(`HTTP_${status}`, status, {
    zh: `服务器返回错误（HTTP ${status}）`,
    en: `The server answered with an error (HTTP ${status})`,
  });
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, field: string, file: File) => {
    const form = new FormData();
    form.append(field, file, file.name);
    return request<T>('POST', path, form);
  },
};
