// Test-only page script, put first in every HTML page the cross-engine tests serve. WebKit's
// driver passes no console messages on, so the page records its own errors here, in every
// engine alike; it also notes each file the page offers as a download, with its contents (the
// WebKit driver cannot save downloads), and finds the explorer's elements on each host page.
(() => {
  const errors = (window.__mfeErrors = []);
  const downloads = (window.__mfeDownloads = []);

  const original = console.error.bind(console);
  console.error = (...args) => {
    errors.push(`console: ${args.map(String).join(' ')}`);
    original(...args);
  };
  // Capture phase: a script or stylesheet that fails to load reports on its element only.
  window.addEventListener('error', (event) => {
    const target = event.target;
    if (target instanceof Element) errors.push(`load: <${target.localName}> ${target.src || target.href}`);
    else errors.push(`page: ${event.message}`);
  }, true);
  window.addEventListener('unhandledrejection', (event) => errors.push(`rejection: ${event.reason}`));
  document.addEventListener('securitypolicyviolation', (event) =>
    errors.push(`csp: ${event.violatedDirective} ${event.blockedURI}`));

  // The explorer offers a file by clicking an <a download> with an object URL; the URL is read
  // at once (a fetch started before it is revoked still completes).
  document.addEventListener('click', (event) => {
    const link = event.target;
    if (!(link instanceof HTMLAnchorElement) || !link.hasAttribute('download')) return;
    const entry = { name: link.download, text: null };
    downloads.push(entry);
    fetch(link.href).then((r) => r.text()).then((text) => { entry.text = text; },
      (error) => errors.push(`download unreadable: ${error}`));
  }, true);

  /** The explorer's root on this page: its own document, an element's shadow root, a frame's. */
  function root() {
    const element = document.querySelector('muchuan-funding-explorer');
    if (element) return element.shadowRoot;
    const frame = document.querySelector('iframe');
    if (frame) return frame.contentDocument;
    return document;
  }
  window.__mfe = {
    root,
    /** Whether the explorer on this page has started. */
    ready() {
      const element = document.querySelector('muchuan-funding-explorer');
      if (element) return element.hasAttribute('data-ready');
      const frame = document.querySelector('iframe');
      if (frame) return frame.hasAttribute('data-sized') &&
        !!frame.contentDocument?.documentElement.hasAttribute('data-ready');
      return document.documentElement.hasAttribute('data-ready');
    },
    find: (selector) => root()?.querySelector(selector) ?? null,
    findAll: (selector) => [...(root()?.querySelectorAll(selector) ?? [])],
    text: (selector) => window.__mfe.find(selector)?.textContent.trim() ?? null,
    /** Errors recorded here and in the frame, if any. */
    errors() {
      const frame = document.querySelector('iframe');
      return [...errors, ...(frame?.contentWindow?.__mfeErrors ?? [])];
    },
    downloads() {
      const frame = document.querySelector('iframe');
      return [...downloads, ...(frame?.contentWindow?.__mfeDownloads ?? [])];
    },
    /**
     * Scrolls the element into the middle of the view and returns its centre in the top page's
     * viewport (a frame's offset added), for a real mouse click there.
     */
    centre(selector) {
      const element = window.__mfe.find(selector);
      if (!element) return null;
      // Scrolls the top page too when the element is in a frame (same origin).
      element.scrollIntoView({ block: 'center', inline: 'center' });
      const frame = document.querySelector('iframe');
      const box = element.getBoundingClientRect();
      const offset = frame && element.ownerDocument !== document
        ? frame.getBoundingClientRect() : { left: 0, top: 0 };
      return { x: offset.left + box.left + box.width / 2, y: offset.top + box.top + box.height / 2 };
    },
    /** Focuses the element (and the frame holding it), for key presses. */
    focus(selector) {
      const element = window.__mfe.find(selector);
      if (element?.ownerDocument !== document) element?.ownerDocument.defaultView.focus();
      element?.focus();
      return element?.getRootNode().activeElement === element;
    },
  };
})();
