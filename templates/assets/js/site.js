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

// Search: lunr and the section index (js/search-data.js, made at build time) load on first use; "/" focuses.
(function () {
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form.search');
    if (!form) return;
    var input = form.querySelector('input');
    var results = form.querySelector('.search-results');
    var root = form.dataset.root || '';
    var index = null, byId = {}, waiting = [];

    function script(src, then) {
      var s = document.createElement('script');
      s.src = root + src;
      s.onload = then;
      document.head.appendChild(s);
    }
    function load(then) {
      if (index) { then(); return; }
      waiting.push(then);
      if (waiting.length > 1) return;
      script('js/lunr.min.js', function () {
        script('js/search-data.js', function () {
          var docs = window.LLMQA_SEARCH || [];
          docs.forEach(function (d) { byId[d.id] = d; });
          index = lunr(function () {
            this.ref('id');
            this.field('page', { boost: 4 });
            this.field('section', { boost: 3 });
            this.field('text');
            docs.forEach(function (d) { this.add(d); }, this);
          });
          waiting.forEach(function (f) { f(); });
          waiting = [];
        });
      });
    }
    function excerpt(text, words) {
      var lower = text.toLowerCase(), at = -1;
      words.forEach(function (w) { var i = lower.indexOf(w.toLowerCase()); if (i >= 0 && (at < 0 || i < at)) at = i; });
      var start = Math.max(0, at - 60);
      return (start > 0 ? '… ' : '') + text.substr(start, 160) + (start + 160 < text.length ? ' …' : '');
    }
    function show() {
      var query = input.value.trim();
      results.innerHTML = '';
      if (!query) { results.classList.remove('open'); return; }
      var words = query.split(/\s+/).map(function (w) { return w.replace(/[:~^+\-*]/g, ''); }).filter(Boolean);
      var hits = [];
      try {
        hits = index.search(words.map(function (w) { return w + ' ' + w + '*'; }).join(' '));
      } catch (e) { hits = []; }
      hits.slice(0, 8).forEach(function (hit) {
        var d = byId[hit.ref];
        var a = document.createElement('a');
        a.href = root + d.id;
        var title = document.createElement('strong');
        title.textContent = d.page;
        var section = document.createElement('span');
        section.textContent = d.section;
        var text = document.createElement('small');
        text.textContent = excerpt(d.text, words);
        a.appendChild(title);
        if (d.section) a.appendChild(section);
        a.appendChild(text);
        results.appendChild(a);
      });
      if (!hits.length) results.textContent = 'No results for "' + query + '"';
      results.classList.add('open');
    }
    input.addEventListener('focus', function () { load(function () {}); });
    input.addEventListener('input', function () { load(show); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { input.value = ''; show(); input.blur(); }
      if (e.key === 'Enter') { var first = results.querySelector('a'); if (first) first.click(); }
    });
    document.addEventListener('keydown', function (e) {
      var tag = (document.activeElement && document.activeElement.tagName) || '';
      if (e.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(tag)) { e.preventDefault(); input.focus(); }
    });
    document.addEventListener('click', function (e) { if (!form.contains(e.target)) results.classList.remove('open'); });
  });
})();
