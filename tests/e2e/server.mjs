// A small static file server for the built dist/, owned by the process that starts it.
// Used by `scripts/serve.sh` and by the end-to-end tests, which also use it to serve the app
// under a sub-path, with a strict Content-Security-Policy, and beside host pages. Like nginx's
// `brotli_static` / `gzip_static`, it sends `FILE.br` or `FILE.gz` (written by the build) when
// the request accepts that encoding.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** The strict policy government pages may serve the explorer under. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * Starts a server on 127.0.0.1. `mounts` maps URL prefixes ('/', '/tools/funding/') to folders;
 * `headers` are added to every response; `html`, if given, rewrites every HTML page served (the
 * cross-engine tests add a test-only script to each). Resolves to { url, close }.
 */
export async function serve({ mounts, port = 0, headers = {}, html }) {
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const mount = table.find(([prefix]) => path.startsWith(prefix));
    if (!mount) return send(response, 404, 'not found');
    const [prefix, dir] = mount;
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir + sep)) return send(response, 403, 'forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      // A page the test rewrites (the engines' recorder) is sent as rewritten, uncompressed.
      const rewrite = html && extname(file) === '.html';
      const { body, encoding } = rewrite
        ? { body: html((await readFile(file)).toString('utf8')), encoding: null }
        : await readEncoded(file, request.headers['accept-encoding']);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        ...headers,
      });
      response.end(body);
    } catch {
      send(response, 404, 'not found');
    }
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const { port: bound } = server.address();
  return {
    url: `http://127.0.0.1:${bound}`,
    // Open keep-alive connections (a page still holding one) would keep close() waiting.
    close: () => new Promise((done) => { server.close(done); server.closeAllConnections(); }),
  };
}

/** The encodings served from precompressed files, preferred first, with their suffixes. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

/** `file` as stored, or its precompressed twin in an encoding `accept` (the header) takes. */
async function readEncoded(file, accept = '') {
  const accepted = new Set(
    accept
      .split(',')
      .map((part) => part.split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name.trim().toLowerCase()),
  );
  for (const [encoding, suffix] of ENCODINGS) {
    if (!accepted.has(encoding)) continue;
    try {
      return { body: await readFile(file + suffix), encoding };
    } catch {
      // No precompressed twin: try the next encoding.
    }
  }
  return { body: await readFile(file), encoding: null };
}

function send(response, status, text) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

// `node tests/e2e/server.mjs DIR PORT` serves DIR until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve({ mounts: { '/': dir }, port: Number(port) });
  console.log(`Muchuan Funding Explorer is at ${url}/  (Ctrl+C stops it)`);
}
