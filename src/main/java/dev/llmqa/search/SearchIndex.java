package dev.llmqa.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import dev.llmqa.site.Written;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * After rendering: one search document per section (a page's text up to its first h2, then each h2 with what
 * follows), written as a script ({@code js/search-data.js}) rather than JSON so search works from file:// too.
 * lunr is copied from its WebJar; the browser builds the index on first use.
 */
public final class SearchIndex implements Stage {

    static final String DATA = "js/search-data.js";
    static final String LUNR = "js/lunr.min.js";
    private static final String WEBJAR = "/META-INF/resources/webjars/lunr/2.3.9/lunr.min.js";

    /** Made when an index is written, not when the stage is: a build with nothing to do never starts Jackson's mapper. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Override
    public Done run(Site site, Problems problems) throws IOException {
        List<Map<String, String>> docs = new ArrayList<>();
        for (Page page : site.pages()) {
            Written.File file = site.written().files().get(site.staging().resolve(page.uri()));
            if (file != null) {
                file.sections().forEach(section -> docs.add(doc(section)));
            }
        }
        Path data = site.staging().resolve(DATA);
        Files.createDirectories(data.getParent());
        Files.writeString(data, "window.LLMQA_SEARCH = " + Json.MAPPER.writeValueAsString(docs) + ";\n", StandardCharsets.UTF_8);
        try (InputStream in = SearchIndex.class.getResourceAsStream(WEBJAR)) {
            if (in == null) {
                throw new IOException("lunr is missing from the class path (" + WEBJAR + ")");
            }
            Files.copy(in, site.staging().resolve(LUNR), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return new Done(site, docs.size() + " sections indexed");
    }

    private static Map<String, String> doc(Written.Section section) {
        Map<String, String> doc = new LinkedHashMap<>();
        doc.put("id", section.id());
        doc.put("page", section.page());
        doc.put("section", section.section());
        doc.put("text", section.text());
        return doc;
    }

    /**
     * A written page's parts for the search index: each h2 of its article and the text up to the next. Takes scripts,
     * run times, copy buttons and diagram styles out of {@code dom}, so call it last on a parsed page.
     */
    public static List<Written.Section> sections(String uri, String title, Document dom) {
        List<Written.Section> docs = new ArrayList<>();
        Element article = dom.selectFirst("main article");
        if (article == null) {
            return docs;
        }
        article.select("script, .snippet-meta, .copy, figure.diagram svg style").remove();
        String heading = "";
        String anchor = "";
        StringBuilder text = new StringBuilder();
        for (Element child : article.children()) {
            if (child.tagName().equals("h2") && !child.id().isEmpty()) {
                add(docs, uri, title, heading, anchor, text);
                heading = child.text();
                anchor = child.id();
                text.setLength(0);
            } else if (!child.tagName().equals("h1")) {
                text.append(child.text()).append(' ');
            }
        }
        add(docs, uri, title, heading, anchor, text);
        return docs;
    }

    private static void add(List<Written.Section> docs, String uri, String title, String heading, String anchor,
                            StringBuilder text) {
        if (text.toString().isBlank() && heading.isEmpty()) {
            return;
        }
        docs.add(new Written.Section(uri + (anchor.isEmpty() ? "" : "#" + anchor), title, heading, text.toString().strip()));
    }
}
