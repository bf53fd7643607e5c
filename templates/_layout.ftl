<#-- The frame every page shares: top bar, the questions in order, the page, the footer. -->
<#macro page title>
<#assign root = content.rootpath!"">
<#assign questions = published_questions?sort_by("order")>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title?html} · LLM Interview Q&amp;A</title>
<#if content.summary??><meta name="description" content="${content.summary?html}"></#if>
<#if content.hasmath!false><link rel="stylesheet" href="${root}css/katex/katex.min.css"></#if>
<link rel="icon" href="${root}images/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${root}css/site.css">
<script>(function(){try{var t=localStorage.getItem('llmqa-theme');if(t){document.documentElement.dataset.theme=t;}}catch(e){}})();</script>
<script src="${root}js/site.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header class="top">
  <a class="brand" href="${root}index.html">LLM Interview Q&amp;A</a>
  <form class="search" role="search" data-root="${root}" onsubmit="return false">
    <input type="search" id="search" placeholder="Search  ( / )" aria-label="Search the questions" autocomplete="off">
    <div class="search-results" id="search-results" aria-live="polite"></div>
  </form>
  <nav aria-label="Site"><a href="${root}index.html">Questions</a> <a href="${root}tags/index.html">Tags</a> <a href="${root}about.html">About</a>
    <button type="button" class="theme-toggle" aria-label="Switch between light and dark theme" title="Light or dark theme">&#9681;</button></nav>
</header>
<div class="layout">
  <nav class="sidebar" aria-label="Questions">
    <ol>
    <#list questions as q>
      <li<#if content.uri?? && q.uri == content.uri> class="current"</#if>><a href="${root}${q.uri}"<#if content.uri?? && q.uri == content.uri> aria-current="page"</#if>><span class="num">${q.order}</span> ${q.title?html}</a></li>
    </#list>
    </ol>
  </nav>
  <main id="main">
<#nested>
  </main>
  <#if (content.toc!"")?has_content>
  <nav class="toc" aria-label="On this page">
    <p class="toc-title">On this page</p>
    ${content.toc}
  </nav>
  </#if>
</div>
<footer class="bottom">
  <p>Every number on these pages is computed by Java code that ran when the site was built.
  <a href="${root}about.html">How this site is made</a>.</p>
</footer>
</body>
</html>
</#macro>

<#macro tags list root="">
<#if list?? && list?size gt 0><ul class="tags" aria-label="Tags"><#list list as tag><li><a href="${root}tags/${tag?url}.html">${tag?html}</a></li></#list></ul></#if>
</#macro>
