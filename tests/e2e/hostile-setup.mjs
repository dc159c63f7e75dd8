// The set-up both hostile test files share (hostile.test.mjs, hostile-surroundings.test.mjs):
// dist/ and the fixtures served under the strict CSP, and a Chromium whose pages trap the
// payloads and record every element a name could smuggle in.
import { join } from 'node:path';
import { ROOT, browser, serveAndLaunch } from './harness.mjs';
import { STRICT_CSP } from './server.mjs';

export const FIXTURES = join(ROOT, 'tests/e2e/fixtures');

/** Before the file's tests: `server` and `browser` (harness.mjs) as the hostile tests need them. */
export function serveHostile() {
  // The strict policy the explorer documents (SECURITY.md): anything injected inline would
  // be blocked as well, and the page must work under it.
  serveAndLaunch({
    mounts: { '/fixtures/': FIXTURES },
    headers: { 'content-security-policy': STRICT_CSP },
    // Before any page script: a trap for the payloads' would-be code paths (they set
    // window.__pwned or call alert), and a record of every element ever inserted into the app
    // that a name could smuggle in, even one removed again at once.
    ready: () => browser.addInitScript(() => {
      window.__pwned = undefined;
      window.__smuggled = [];
      const nativeAlert = window.alert.bind(window);
      window.alert = (message) => {
        window.__pwned = `alert(${message})`;
        nativeAlert(message);
      };
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node.nodeType !== 1) continue;
            for (const element of [node, ...node.querySelectorAll('*')]) {
              const tag = element.localName;
              if (['script', 'img', 'b', 'iframe', 'object', 'embed', 'foreignobject'].includes(tag.toLowerCase())
                && element.closest('#mfe-root')) {
                window.__smuggled.push(element.outerHTML.slice(0, 120));
              }
            }
          }
        }
      }).observe(document, { childList: true, subtree: true });
    }),
  });
}
