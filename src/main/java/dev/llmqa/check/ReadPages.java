package dev.llmqa.check;

import dev.llmqa.problem.Problems;
import dev.llmqa.search.SearchIndex;
import dev.llmqa.site.BakePlan;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import dev.llmqa.site.Written;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads every written HTML file once, for the stages after it: its ids and the files it references (the link
 * check), and for a page its search sections (the search index). No later stage parses a written file. A file kept
 * from the previous site is not read again: the manifest remembers what was read from it.
 */
public final class ReadPages implements Stage {

    /** The attributes that name another file, and what a reader would call that file. */
    private static final List<Attribute> REFERENCES = List.of(
            new Attribute("a[href]", "href", Written.Kind.LINK),
            new Attribute("img[src]", "src", Written.Kind.IMAGE),
            new Attribute("img[srcset]", "srcset", Written.Kind.IMAGE),
            new Attribute("source[srcset]", "srcset", Written.Kind.IMAGE),
            new Attribute("source[src]", "src", Written.Kind.MEDIA),
            new Attribute("video[src], audio[src], track[src], embed[src]", "src", Written.Kind.MEDIA),
            new Attribute("video[poster]", "poster", Written.Kind.IMAGE),
            new Attribute("object[data]", "data", Written.Kind.MEDIA),
            new Attribute("link[href]", "href", Written.Kind.ASSET),
            new Attribute("script[src]", "src", Written.Kind.ASSET));

    @Override
    public Done run(Site site, Problems problems) throws IOException {
        Path root = site.staging();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        Map<String, Page> pages = site.pages().stream().filter(Page::published)
                .collect(Collectors.toMap(Page::uri, Function.identity(), (a, b) -> a));
        Map<Path, Written.File> read = new LinkedHashMap<>();
        int parsed = 0;
        for (Path file : files) {
            String uri = root.relativize(file).toString().replace('\\', '/');
            BakePlan.Kept kept = site.plan().kept().get(uri);
            if (kept != null && kept.written() != null) {
                read.put(file, kept.written()); // the previous build read this very file
                continue;
            }
            parsed++;
            Document dom = Jsoup.parse(file.toFile(), "UTF-8");
            Set<String> ids = dom.select("[id]").stream().map(Element::id).collect(Collectors.toSet());
            List<Written.Reference> references = new ArrayList<>();
            for (Attribute attribute : REFERENCES) {
                for (Element element : dom.select(attribute.selector())) {
                    attribute.urls(element.attr(attribute.name()))
                            .forEach(url -> references.add(new Written.Reference(attribute.kind(), url)));
                }
            }
            Page page = pages.get(uri);
            // last: taking the sections out of the page changes the tree
            List<Written.Section> sections = page == null || uri.equals("404.html") ? List.of()
                    : SearchIndex.sections(uri, page.title(), dom);
            read.put(file, new Written.File(ids, references, sections));
        }
        int remembered = files.size() - parsed;
        return new Done(site.withWritten(new Written(read)),
                files.size() + " files read" + (remembered == 0 ? "" : " (" + remembered + " as the manifest remembers them)"));
    }

    private record Attribute(String selector, String name, Written.Kind kind) {

        /** The URLs an attribute names: one, or for srcset each candidate's URL. */
        List<String> urls(String value) {
            if (!name.equals("srcset")) {
                return List.of(value.strip());
            }
            List<String> urls = new ArrayList<>();
            for (String candidate : value.split(",")) {
                String url = candidate.strip().split("\\s+")[0];
                if (!url.isEmpty()) {
                    urls.add(url);
                }
            }
            return urls;
        }
    }
}
