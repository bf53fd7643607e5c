<#import "_layout.ftl" as layout>
<@layout.page title=content.title>
<article class="home">
  <h1>${content.title?html}</h1>
  ${content.body}
  <ol class="cards">
  <#list published_questions?sort_by("order") as q>
    <li class="card">
      <a href="${q.uri}"><span class="num">${q.order}</span> ${q.title?html}</a>
      <p>${(q.summary!"")?html}</p>
      <@layout.tags list=q.tags root=""/>
    </li>
  </#list>
  </ol>
</article>
</@layout.page>
