<#import "_layout.ftl" as layout>
<@layout.page title=content.title>
<article class="page">
  <h1>${content.title?html}</h1>
  ${content.body}
</article>
</@layout.page>
