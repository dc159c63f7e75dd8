// trunk post_build hook:
// - moves trunk's inline start-up script into `start.js`, so the page runs under
//   `script-src 'self'` with no 'unsafe-inline', and makes a failed start visible: if the
//   module or the WebAssembly cannot load, the page says so above the prerendered report;
// - drops an attribute that only makes the console warn (the wasm preload's `integrity`);
// - puts the prerendered first screen into index.html (`cargo run --bin prerender`, natively);
// - writes `.br` and `.gz` beside every text and wasm file, for servers that serve them as they
//   are (nginx `brotli_static` / `gzip_static`, tests/e2e/server.mjs).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk hook');
const indexPath = join(staging, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error('no inline start-up script in index.html');

// A static import cannot sit inside try: load the module dynamically so its failure is caught.
const body = match[1]
  .trim()
  .replace(
    /import init, \* as bindings from '([^']+)';/,
    "const bindings = await import('$1');\nconst init = bindings.default;",
  );
if (body.includes('import ')) throw new Error('unexpected start-up code from trunk: ' + body);

const start = `// Starts the explorer (written by scripts/trunk-post-build.mjs from trunk's start-up code).
function showStartFailure(error) {
  const root = document.getElementById('mfe-root') ?? document.body;
  // The prerendered report stays readable below the panel; its controls stay inactive.
  const report = root.querySelector('.mfe-app');
  report?.querySelector('.starting-note')?.remove();
  const panel = document.createElement('div');
  panel.className = 'error-panel';
  panel.setAttribute('role', 'alert');
  const heading = document.createElement('h2');
  heading.textContent = '无法启动 · Could not start';
  const text = document.createElement('p');
  text.textContent = '本工具未能载入，请重新载入页面。The explorer could not load; please reload the page.';
  const detail = document.createElement('pre');
  detail.textContent = String(error);
  const reload = document.createElement('a');
  reload.className = 'button reload';
  reload.href = location.pathname + location.search;
  reload.textContent = '重新载入 · Reload';
  panel.append(heading, text, detail, reload);
  if (report) root.prepend(panel);
  else root.replaceChildren(panel);
}
try {
  // The page's HTML already shows the first screen: let the browser paint it before the
  // WebAssembly is compiled and hydrates it (a hidden tab, which paints no frame, starts anyway).
  await new Promise((painted) => {
    requestAnimationFrame(() => setTimeout(painted, 0));
    setTimeout(painted, 250);
  });
${body}
} catch (error) {
  console.error('could not start:', error);
  showStartFailure(error);
}
`;
writeFileSync(join(staging, 'start.js'), start);

// trunk gives the wasm's `<link rel="preload" as="fetch">` an `integrity` attribute, which
// Chromium ignores for that kind of preload, saying so in the console on every load. The fetch
// that uses the preload carries no integrity either, so the attribute protects nothing: drop it.
const page = html
  .replace(inline, '<script type="module" src="./start.js"></script>')
  .replace(/<link rel="preload"[^>]*>/g, (link) =>
    link.includes('as="fetch"') ? link.replace(/ integrity="[^"]*"/, '') : link,
  );
writeFileSync(indexPath, page);

// The first screen, rendered natively by the app's own components (debug profile: it shares
// the native test build's dependencies, and rendering takes milliseconds either way).
execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender', '--', indexPath], {
  stdio: 'inherit',
});

const COMPRESSED = new Set(['.wasm', '.js', '.css', '.html', '.json', '.svg', '.csv']);
for (const name of readdirSync(staging)) {
  const file = join(staging, name);
  if (!COMPRESSED.has(extname(name)) || !statSync(file).isFile()) continue;
  const body = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  );
}
