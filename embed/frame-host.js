// For pages that embed the explorer in an iframe: sizes each of the explorer's frames to its
// content.
//
//   <iframe src="/tools/funding/index.html?embed&lang=en" title="Muchuan Funding Explorer"></iframe>
//   <script type="module" src="/tools/funding/frame-host.js"></script>
//
// The explorer posts { type: 'muchuan-funding-explorer:height', height } to its parent; this
// sets the height of the frame the message came from, if that frame is the explorer's: its
// `src` is a page in this script's own folder on this script's origin, or on an origin the
// script tag lists (`data-explorer-origins="https://tools.example.gov.cn"`, separated by
// spaces), and the message comes from that origin. Any other frame's message is ignored. Only
// a finite number is read from the message, clamped to MIN_HEIGHT–MAX_HEIGHT px.
const TYPE = 'muchuan-funding-explorer:height';
const MIN_HEIGHT = 200;
const MAX_HEIGHT = 20000;

const here = new URL(import.meta.url);
const folder = new URL('./', here).pathname;
const tag = [...document.querySelectorAll('script[src]')].find(
  (script) => new URL(script.src, document.baseURI).href === here.href,
);
const listed = new Set(
  (tag?.dataset.explorerOrigins ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((origin) => {
      try {
        return new URL(origin).origin;
      } catch {
        return null;
      }
    })
    .filter((origin) => origin && origin !== 'null'),
);

/** Whether `frame` shows the explorer and `origin` (the message's) is the frame's own. */
function isExplorer(frame, origin) {
  let src;
  try {
    src = new URL(frame.getAttribute('src') ?? '', document.baseURI);
  } catch {
    return false;
  }
  if (!frame.getAttribute('src') || src.origin !== origin) return false;
  if (src.origin === here.origin) return src.pathname.startsWith(folder);
  return listed.has(src.origin);
}

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== TYPE || typeof data.height !== 'number') return;
  if (!Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow !== event.source || !isExplorer(frame, event.origin)) continue;
    const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height)));
    frame.height = String(height);
    frame.dataset.sized = 'true';
  }
});
