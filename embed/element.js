// <muchuan-funding-explorer>: the explorer as a custom element.
//
//   <script type="module" src="/tools/funding/element.js"></script>
//   <muchuan-funding-explorer src="data/other-county.json" lang="en" mode="fixed-pool" compact>
//   </muchuan-funding-explorer>
//
// Attributes: src (dataset URL, relative to the page; the built-in Muchuan data without it),
// lang (zh-Hans | zh-Hant | en; else the browser's language), mode (free | fixed-pool),
// heading-level (1-4, the level of the explorer's title; 1 without it), compact (present or
// not). A value not understood is ignored, with a warning in the console. A new lang,
// heading-level or compact is passed to the mounted explorer (its data, scenario, undo history,
// notices and focus kept); a new src or mode starts again from the source figures. Events
// (bubbling, composed): explorerready, and scenariochange with
// detail { grandTotal, granted, sought, countSought, shareLink } (amounts in whole yuan).
// The app renders in an open shadow root with its own stylesheet: host CSS cannot reach it.
import init, { mount } from './muchuan-funding-explorer.js';

const here = (file) => new URL(file, import.meta.url).href;
const ready = init({ module_or_path: here('./muchuan-funding-explorer_bg.wasm') });

class MuchuanFundingExplorer extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'mode', 'heading-level', 'compact'];

  #mounted = null;
  #generation = 0;

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#generation += 1;
    this.#mounted?.destroy();
    this.#mounted = null;
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.#mounted) return;
    // A new src or mode starts again from the source figures; the rest is passed in.
    if (name === 'src' || name === 'mode') this.#render();
    else this.#mounted.update(this.#options());
  }

  #options() {
    return {
      src: this.getAttribute('src'),
      lang: this.getAttribute('lang'),
      mode: this.getAttribute('mode'),
      'heading-level': this.getAttribute('heading-level'),
      compact: this.hasAttribute('compact'),
      stylesheet: here('./main.css'),
      assets: here('./'),
    };
  }

  async #render() {
    const generation = (this.#generation += 1);
    try {
      await ready;
    } catch (error) {
      this.#fail(error);
      return;
    }
    // A later call (attribute change, removal) supersedes this one.
    if (generation !== this.#generation || !this.isConnected) return;
    this.#mounted?.destroy();
    this.#mounted = mount(this, this.#options());
  }

  #fail(error) {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const panel = document.createElement('p');
    panel.setAttribute('role', 'alert');
    panel.textContent = `沐川资金测算无法启动 · The Muchuan Funding Explorer could not start: ${error}`;
    root.replaceChildren(panel);
  }
}

if (!customElements.get('muchuan-funding-explorer')) {
  customElements.define('muchuan-funding-explorer', MuchuanFundingExplorer);
}
