// llmqa: the one place KaTeX and highlight.js are called. GraalJS (inside the JVM) and Node (node-engine.js) both
// evaluate this file after the pinned katex.min.js / highlight.min.js, as plain scripts, and call llmqa.answer, so
// the same code makes every result and the answers are the same bytes whichever engine ran.
//
// A request is a JSON text: {"op": "typeset", "items": [{"tex": "a_i", "display": false}, ...]}
//                        or {"op": "highlight", "items": [{"code": "ls -l", "language": "shell"}, ...]}.
// The answer is a JSON array, same length and order: {"html": "..."} or, for invalid TeX, {"error": "KaTeX parse
// error: ..."}; for code in a language highlight.js does not know, {}.
var llmqa = (function () {
  var INLINE = {displayMode: false, throwOnError: true, output: "htmlAndMathml", strict: "ignore"};
  var DISPLAY = {displayMode: true, throwOnError: true, output: "htmlAndMathml", strict: "ignore"};

  function typeset(items) {
    return items.map(function (f) {
      try {
        return {html: katex.renderToString(f.tex, f.display ? DISPLAY : INLINE)};
      } catch (e) {
        return {error: String(e && e.message !== undefined ? e.message : e)};
      }
    });
  }

  function highlight(items) {
    return items.map(function (b) {
      if (!hljs.getLanguage(b.language)) {
        return {};
      }
      return {html: hljs.highlight(b.code, {language: b.language, ignoreIllegals: true}).value};
    });
  }

  function answer(request) {
    var r = JSON.parse(request);
    if (r.op === "typeset") return JSON.stringify(typeset(r.items));
    if (r.op === "highlight") return JSON.stringify(highlight(r.items));
    throw new Error("unknown op " + r.op);
  }

  return {answer: answer};
})();
