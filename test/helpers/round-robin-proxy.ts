// A small reverse proxy standing in for nginx in front of several Pucha processes: every request
// goes to the next process in turn (even two on one keep-alive connection, so no test is kept on
// one process by its connection), bodies stream both ways unbuffered (uploads, downloads, event
// streams), headers pass as sent (several Set-Cookie too) and X-Forwarded-For / -Proto are added
// as docs/deploy.md's nginx does. A client that goes away ends the upstream request.
import http from 'node:http';
import type net from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Requests sent to each upstream, in order (tests of the proxy itself). */
  readonly sent: number[];
  close(): Promise<void>;
}

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection; Node frames both sides itself.
const HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

function endToEnd(raw: string[]): string[] {
  const dropped = new Set(HOP);
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i].toLowerCase() === 'connection') for (const t of raw[i + 1].split(',')) dropped.add(t.trim().toLowerCase());
  }
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (!dropped.has(raw[i].toLowerCase())) out.push(raw[i], raw[i + 1]);
  return out;
}

export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  const targets = upstreams.map((u) => new URL(u));
  const agent = new http.Agent({ keepAlive: true });
  const sent = targets.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const i = next++ % targets.length;
    sent[i]++;
    const t = targets[i];
    const headers = endToEnd(req.rawHeaders);
    const xff = req.headers['x-forwarded-for'];
    const client = req.socket.remoteAddress ?? '';
    // As nginx's $proxy_add_x_forwarded_for: the client's address after any the request brought.
    const forwarded = xff ? `${Array.isArray(xff) ? xff.join(', ') : xff}, ${client}` : client;
    const kept: string[] = [];
    for (let k = 0; k < headers.length; k += 2) {
      const name = headers[k].toLowerCase();
      if (name !== 'x-forwarded-for' && name !== 'x-forwarded-proto') kept.push(headers[k], headers[k + 1]);
    }
    kept.push('X-Forwarded-For', forwarded, 'X-Forwarded-Proto', 'http');
    const up = http.request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: kept, agent });
    up.on('response', (ur) => {
      res.writeHead(ur.statusCode ?? 502, ur.statusMessage, endToEnd(ur.rawHeaders));
      res.flushHeaders(); // an event stream's headers go out before its first event
      ur.pipe(res);
      ur.on('error', () => res.destroy());
      ur.on('aborted', () => res.destroy());
    });
    up.on('error', () => {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('bad gateway');
      } else res.destroy();
    });
    // The client went away (or its answer is complete): an upstream request still going ends too.
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    req.on('aborted', () => up.destroy());
    req.pipe(up);
  });
  // Long uploads and event streams: no overall limit on a request, as nginx with proxy_request_buffering off.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 65_000;
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    async close() {
      const closed = new Promise((r) => server.close(r));
      for (const s of sockets) s.destroy();
      agent.destroy();
      await closed;
    },
  };
}
