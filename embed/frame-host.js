// For pages that embed the explorer in an iframe: sizes each frame to its content.
//
//   <iframe class="muchuan-funding-explorer" src="/tools/funding/index.html?embed&lang=en"
//           title="Muchuan Funding Explorer"></iframe>
//   <script type="module" src="/tools/funding/frame-host.js"></script>
//
// The explorer posts { type: 'muchuan-funding-explorer:height', height } to its parent; this
// sets the height of the frame the message came from. Only numbers are read from the message.
const TYPE = 'muchuan-funding-explorer:height';

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== TYPE || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) {
      frame.height = String(Math.max(200, Math.ceil(data.height)));
      frame.dataset.sized = 'true';
    }
  }
});
