// Serves the replica portal pages (tests/fixtures) over HTTPS at any host name, and
// records what the forms submit. Used by the end-to-end tests and the demo.
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer } from 'node:http';
import { connect } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCertificate } from './tls.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'";

/** Which replica a URL shows when it names none with ?fixture=. */
function defaultFixture(pathname) {
  if (/^\/hc\/[^/]+\/requests\/new\/?$/.test(pathname)) return 'zendesk-copenhagen';
  if (/^\/hc\/[^/]+\/articles\//.test(pathname)) return 'article';
  if (pathname.startsWith('/s/')) return 'salesforce-lwr';
  return null;
}

function parseBody(req, raw) {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return [...new URLSearchParams(raw)].map(([name, value]) => ({ name, value }));
  }
  if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary=(.+)$/.exec(type)?.[1];
    if (!boundary) return [];
    return raw
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((part) => {
        const [head, ...rest] = part.split('\r\n\r\n');
        const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
        const filename = /filename="([^"]*)"/.exec(head)?.[1];
        const value = rest.join('\r\n\r\n').replace(/\r\n$/, '');
        return filename === undefined ? { name, value } : { name, value: `file:${filename}` };
      });
  }
  if (type.startsWith('application/json')) {
    try {
      return Object.entries(JSON.parse(raw)).map(([name, value]) => ({ name, value: String(value) }));
    } catch {
      return [];
    }
  }
  return [];
}

function submittedPage(fields) {
  const rows = fields.map((f) => `<li><code>${escapeHtml(f.name)}</code> = ${escapeHtml(f.value)}</li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Request submitted</title></head>
<body><main><h1 id="submitted">Your request was submitted</h1><p>The replica portal received:</p><ul>${rows}</ul>
<p><a href="/hc/en-us/requests/new">Submit another request</a></p></main></body></html>`;
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Starts the replica portal. Returns { port, proxyPort, submissions, close }.
 * proxyPort is an HTTP CONNECT proxy that sends every tunnel to the portal, so a browser
 * configured with it keeps the real origin (https://support.puppet.com) for any host.
 */
export async function startPortalServer({ port = 0, proxyPort = 0, log = false } = {}) {
  const submissions = [];
  const { key, cert } = makeCertificate();

  const server = createHttpsServer({ key, cert }, async (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'localhost'}`);
    if (log) console.log(`${req.method} ${url.host}${url.pathname}${url.search}`);
    try {
      if (req.method === 'POST') {
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        const fields = parseBody(req, Buffer.concat(chunks).toString('utf8'));
        submissions.push({ host: url.host, path: url.pathname, fields, at: Date.now() });
        res.writeHead(200, { 'content-type': TYPES['.html'] });
        res.end(submittedPage(fields));
        return;
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204);
        res.end();
        return;
      }
      if (url.pathname === '/__submissions') {
        res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
        res.end(JSON.stringify(submissions));
        return;
      }
      if (url.pathname.startsWith('/__fixtures/')) {
        const file = normalize(url.pathname.slice('/__fixtures/'.length));
        if (file.startsWith('..')) throw Object.assign(new Error('outside'), { status: 404 });
        const body = await readFile(join(FIXTURES, file));
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
        return;
      }
      const name = url.searchParams.get('fixture') ?? defaultFixture(url.pathname);
      if (!name || !/^[a-z0-9-]+$/.test(name)) throw Object.assign(new Error('no page'), { status: 404 });
      const body = await readFile(join(FIXTURES, `${name}.html`));
      const headers = { 'content-type': TYPES['.html'], 'cache-control': 'no-store' };
      if (name.includes('csp')) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers);
      const hold = Number(url.searchParams.get('hold') ?? 0);
      const formEnd = body.lastIndexOf('</form>');
      if (hold > 0 && formEnd >= 0) {
        // A slow page: everything up to the end of the form now, the rest after `hold` ms,
        // so the form can be used while the document is still loading.
        const split = formEnd + '</form>'.length;
        res.write(body.subarray(0, split));
        const timer = setTimeout(() => res.end(body.subarray(split)), Math.min(hold, 30_000));
        res.on('close', () => clearTimeout(timer));
        return;
      }
      res.end(body);
    } catch (error) {
      res.writeHead(error.status ?? (error.code === 'ENOENT' ? 404 : 500), { 'content-type': 'text/plain' });
      res.end(error.status || error.code === 'ENOENT' ? 'Not found' : String(error));
    }
  });

  const proxy = createHttpServer((_req, res) => {
    res.writeHead(502);
    res.end('Only CONNECT is proxied');
  });
  proxy.on('connect', (req, clientSocket, head) => {
    const upstream = connect(server.address().port, '127.0.0.1', () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    const end = () => {
      upstream.destroy();
      clientSocket.destroy();
    };
    upstream.on('error', end);
    clientSocket.on('error', end);
  });

  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  await new Promise((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve));
  const sockets = new Set();
  for (const s of [server, proxy]) s.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    port: server.address().port,
    proxyPort: proxy.address().port,
    submissions,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([server, proxy].map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}
