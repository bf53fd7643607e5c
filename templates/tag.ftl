<#import "_layout.ftl" as layout>
<#assign content = {"rootpath": "../", "title": "Tag: " + tag}>
<@layout.page title="Questions tagged " + tag>
<article class="page">
  <p class="eyebrow">Tag</p>
  <h1>${tag?html}</h1>
  <ol class="cards">
  <#list tagged_documents?sort_by("order") as q>
    <li class="card">
      <a href="../${q.uri}"><span class="num">${q.order!""}</span> ${q.title?html}</a>
      <p>${(q.summary!"")?html}</p>
    </li>
  </#list>
  </ol>
  <p><a href="index.html">All tags</a></p>
</article>
</@layout.page>
