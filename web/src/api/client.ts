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
    throw networkError();
  }

  if (res.status === 204) return undefined as T;
  const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
  const data: unknown = isJson ? await res.json().catch(() => null) : null;
  return settle<T>(path, res.status, data);
}

/** The body of a finished request, or the ApiError it carries (after telling the session handlers). */
function settle<T>(path: string, status: number, data: unknown): T {
  if (status >= 200 && status < 300) return (status === 204 ? undefined : data) as T;
  const err = toApiError(status, data);
  if (err.code === 'AUTH_REQUIRED' && path !== '/api/v1/session') onAuthLost?.();
  if (err.code === 'AUTH_CSRF') onCsrfRejected?.();
  throw err;
}

export function networkError(): ApiError {
  return new ApiError('NETWORK', 0, { zh: '无法连接服务器，请检查网络', en: 'Cannot reach the server; check the network' });
}

export function toApiError(status: number, data: unknown): ApiError {
  const e = (data as Partial<ApiErrorBody> | null)?.error;
  if (e && typeof e.code === 'string' && e.message && typeof e.message.zh === 'string') {
    return new ApiError(e.code, e.status ?? status, e.message, e.details);
  }
  return new ApiError(`HTTP_${status}`, status, {
    zh: `服务器返回错误（HTTP ${status}）`,
    en: `The server answered with an error (HTTP ${status})`,
  });
}

export interface UploadOptions {
  /** Bytes sent so far and the total, as the browser counts them (fetch cannot report this). */
  onProgress?: (sent: number, total: number) => void;
  /** Aborting rejects with ApiError ABORTED. */
  signal?: AbortSignal;
}

/**
 * POSTs a multipart form: same CSRF header, same error parsing as every other
 * request. XHR rather than fetch, so that a large file can show how much is sent.
 * The browser sets the multipart Content-Type with its boundary.
 */
function upload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  const { onProgress, signal } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError());
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    if (onProgress) xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    xhr.onload = () => {
      done();
      const isJson = (xhr.getResponseHeader('content-type') ?? '').includes('application/json');
      let data: unknown = null;
      if (isJson && xhr.responseText) {
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          data = null;
        }
      }
      try {
        resolve(settle<T>(path, xhr.status, data));
      } catch (e) {
        reject(e);
      }
    };
    xhr.onerror = () => (done(), reject(networkError()));
    xhr.onabort = () => (done(), reject(abortedError()));
    xhr.send(form);
  });
}

function abortedError(): ApiError {
  return new ApiError('ABORTED', 0, { zh: '上传已取消', en: 'The upload was cancelled' });
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  upload,
};

/** A multipart form with one file under `field`, for the simple uploads. */
export function fileForm(field: string, file: File): FormData {
  const form = new FormData();
  form.append(field, file, file.name);
  return form;
}
