// Says what the host must allow when the explorer is framed with `sandbox` but without
// `allow-same-origin`. The frame then has an opaque origin: its storage throws a SecurityError
// and its module scripts (the app itself) are blocked, since they need CORS. This classic
// script still runs there, and does nothing anywhere else.
(function () {
  var opaque = window.origin === 'null';
  try {
    void window.localStorage;
  } catch (error) {
    opaque = true;
  }
  if (!opaque) return;
  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('mfe-root');
    if (!root) return;
    var panel = document.createElement('div');
    panel.className = 'error-panel sandboxed';
    panel.setAttribute('role', 'alert');
    var zh = document.createElement('p');
    zh.lang = 'zh-Hans';
    zh.textContent = '本工具无法在此框架中运行：嵌入本工具的网页须在 iframe 的 sandbox 属性中加入 allow-scripts 和 allow-same-origin。';
    var en = document.createElement('p');
    en.lang = 'en';
    en.textContent = 'The explorer cannot run in this frame: the page that embeds it must add allow-scripts and allow-same-origin to the iframe\u2019s sandbox attribute.';
    panel.append(zh, en);
    root.replaceChildren(panel);
  });
})();
