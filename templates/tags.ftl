<#import "_layout.ftl" as layout>
<#assign content = {"rootpath": "../", "title": "Tags"}>
<@layout.page title="Tags">
<article class="page">
  <h1>Tags</h1>
  <ul class="tags tag-index">
  <#list alltags?sequence?sort as t>
    <li><a href="${t?url}.html">${t?html}</a></li>
  </#list>
  </ul>
</article>
</@layout.page>
