<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<#list published_content?sort_by("uri") as page>
  <#if page.uri != "404.html"><url><loc>${config.site_host}${page.uri?replace("index.html", "")}</loc></url></#if>
</#list>
</urlset>
