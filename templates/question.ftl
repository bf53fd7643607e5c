<#import "_layout.ftl" as layout>
<@layout.page title=content.title>
<#assign questions = published_questions?sort_by("order")>
<article class="question">
  <p class="eyebrow">Question ${content.order}</p>
  <h1>${content.title?html}</h1>
  <@layout.tags list=content.tags root=content.rootpath/>
  ${content.body}
  <#if content.examplefile??>
  <aside class="try-it" aria-label="Try it">
    <h2 id="try-it">Try it</h2>
    <p>Every function on this page is in <a href="${content.rootpath}examples/${content.examplefile}" download>${content.examplefile}</a>.
    With a JDK 17 or newer, open it in JShell and call them yourself:</p>
    <pre><code class="language-shell">jshell examples/${content.examplefile}</code></pre>
  </aside>
  </#if>
  <#if (config.site_edit!"")?has_content>
  <p class="edit"><a href="${config.site_edit}${content.sourcepath}">Edit this page</a> — corrections and new questions are welcome.</p>
  </#if>
</article>
<nav class="prevnext" aria-label="Previous and next question">
<#list questions as q>
  <#if q.uri == content.uri>
    <#if q?index gt 0><#assign prev = questions[q?index - 1]><a class="prev" rel="prev" href="${content.rootpath}${prev.uri}"><span>Previous</span> ${prev.title?html}</a></#if>
    <#if q?has_next><#assign next = questions[q?index + 1]><a class="next" rel="next" href="${content.rootpath}${next.uri}"><span>Next</span> ${next.title?html}</a></#if>
  </#if>
</#list>
</nav>
</@layout.page>
