// llmqa: the theme toggle (remembered across pages) and a copy button on every code block. No dependencies.
(function () {
  var root = document.documentElement;

  function currentTheme() {
    if (root.dataset.theme) return root.dataset.theme;
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.querySelector('.theme-toggle');
    if (toggle) {
      toggle.setAttribute('aria-pressed', currentTheme() === 'dark' ? 'true' : 'false');
      toggle.addEventListener('click', function () {
        var next = currentTheme() === 'dark' ? 'light' : 'dark';
        root.dataset.theme = next;
        toggle.setAttribute('aria-pressed', next === 'dark' ? 'true' : 'false');
        try { localStorage.setItem('llmqa-theme', next); } catch (e) { /* private mode: not remembered */ }
      });
    }

    document.querySelectorAll('pre > code').forEach(function (code) {
      var pre = code.parentElement;
      if (pre.closest('.snippet-output')) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy';
      button.textContent = 'Copy';
      button.setAttribute('aria-label', 'Copy this code');
      button.addEventListener('click', function () {
        var text = code.innerText;
        var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 1500); };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, function () { button.textContent = 'Select and copy'; });
        }
      });
      pre.classList.add('has-copy');
      pre.appendChild(button);
    });
  });
})();
