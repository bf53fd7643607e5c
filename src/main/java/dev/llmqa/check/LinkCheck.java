package dev.llmqa.check;

import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Every relative link, image, stylesheet and script of every written page points at a file of the site, and
 * every {@code #fragment} at an id there. A broken link in a page's markdown is reported at its line; one made by
 * a template at the template's page.
 */
public final class LinkCheck implements Stage {

    private int links;

    @Override
    public String name() {
        return "links";
    }

    @Override
    public Site run(Site site, Problems problems) throws IOException {
        links = 0;
        Path root = site.staging();
        Map<Path, Set<String>> ids = new HashMap<>();
        Map<String, Page> byUri = site.pages().stream().collect(Collectors.toMap(Page::uri, p -> p, (a, b) -> a));
        List<Path> pages;
        try (Stream<Path> files = Files.walk(root)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        for (Path file : pages) {
            String uri = root.relativize(file).toString().replace('\\', '/');
            Document dom = Jsoup.parse(file.toFile(), "UTF-8");
            for (Element element : dom.select("a[href], link[href], img[src], script[src]")) {
                String href = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                if (href.isEmpty() || href.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || href.startsWith("//")) {
                    continue;
                }
                links++;
                int hash = href.indexOf('#');
                String path = URLDecoder.decode(hash < 0 ? href : href.substring(0, hash), StandardCharsets.UTF_8);
                String fragment = hash < 0 ? "" : href.substring(hash + 1);
                Path target = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                if (!target.startsWith(root) || !Files.isRegularFile(target)) {
                    problems.add(problem(byUri.get(uri), uri, href, "broken link: " + href + " is not a file of the site",
                            "Link to a page or file that exists, relative to this page; pages end in .html, not .md."));
                } else if (!fragment.isEmpty() && target.toString().endsWith(".html")
                        && !ids.computeIfAbsent(target, LinkCheck::ids).contains(fragment)) {
                    problems.add(problem(byUri.get(uri), uri, href, "broken anchor: " + href + " has no element with id '"
                            + fragment + "'", "Headings get ids from their text: '## Paged allocation' is #paged-allocation."));
                }
            }
        }
        return site;
    }

    @Override
    public String summary(Site site) {
        return links + " links checked";
    }

    private static Set<String> ids(Path html) {
        try {
            return Jsoup.parse(html.toFile(), "UTF-8").select("[id]").stream().map(Element::id).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** At the markdown line that holds the link when the page has one, else at the page (a template made it). */
    private static Problem problem(Page page, String uri, String href, String message, String hint) {
        if (page == null) {
            return Problem.at("site/" + uri, 0, message + " (made by a template)", hint);
        }
        return Problem.at(page.path(), lineOf(page, href).orElse(0), message, hint);
    }

    private static Optional<Integer> lineOf(Page page, String href) {
        String[] lines = page.body().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("(" + href + ")") || lines[i].contains("\"" + href + "\"") || lines[i].contains("<" + href + ">")) {
                return Optional.of(dev.llmqa.site.LineMap.fileLine(page.header().separatorLine(), i));
            }
        }
        return Optional.empty();
    }
}
