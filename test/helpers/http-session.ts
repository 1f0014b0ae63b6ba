// A logged-in user of a server process, over real HTTP: for setting up what a
// browser test then looks at (fetch keeps no cookies, so the session is carried here).
export interface HttpSession {
  base: string;
  cookie: string;
  csrf: string;
  username: string;
}

export async function httpLogin(base: string, username: string, password = 'Pucha2018'): Promise<HttpSession> {
  const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const sid = res.headers.getSetCookie().find((c) => c.startsWith('pucha_sid='))!.split(';')[0];
  const body = (await res.json()) as { csrfToken: string };
  return { base, cookie: sid, csrf: body.csrfToken, username };
}

/** Calls the API as `s` (a FormData body goes as multipart); throws with the answer unless the status is 2xx (or the one expected). */
export async function httpCall<T = unknown>(s: HttpSession, method: string, path: string, body?: unknown, expect?: number): Promise<T> {
  const headers: Record<string, string> = { cookie: s.cookie, 'x-csrf-token': s.csrf, accept: 'application/json' };
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  const res = await fetch(`${s.base}${path}`, { method, headers, body: body === undefined ? undefined : multipart ? body : JSON.stringify(body) });
  const text = await res.text();
  const ok = expect === undefined ? res.status >= 200 && res.status < 300 : res.status === expect;
  if (!ok) throw new Error(`${s.username} ${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
