package dev.llmqa.check;

import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Page;
import dev.llmqa.site.PageLink;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import dev.llmqa.site.Written;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every relative link, image, media file, stylesheet and script of every written page points at a file of the
 * site, and every {@code #fragment} at an id there; every {@code url(…)} of every stylesheet points at a file. A
 * broken reference in a page's markdown is reported at its line; one made by a template at the template's page;
 * one in a stylesheet at its line in templates/assets/.
 */
public final class LinkCheck implements Stage {

    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]+)\\1\\s*\\)");
    private static final Pattern ELSEWHERE = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    @Override
    public Done run(Site site, Problems problems) throws IOException {
        int[] links = {0};
        Path root = site.staging();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.sorted().toList();
        }
        // the ids of every written page answer the anchors that point at it
        Map<Path, Set<String>> ids = new HashMap<>();
        site.written().files().forEach((file, read) -> ids.put(file, read.ids()));
        Map<String, Page> byUri = site.pages().stream().collect(Collectors.toMap(Page::uri, p -> p, (a, b) -> a));
        for (Map.Entry<Path, Written.File> page : site.written().files().entrySet()) {
            Path file = page.getKey();
            String uri = uri(root, file);
            for (Written.Reference reference : page.getValue().references()) {
                Kind kind = Kind.of(reference.kind());
                check(root, file, reference.url(), kind, ids, links).ifPresent(
                        found -> problems.add(problem(byUri.get(uri), uri, reference.url(), found)));
            }
        }
        for (Path css : files.stream().filter(f -> f.toString().endsWith(".css")).toList()) {
            String[] lines = Files.readString(css, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher url = CSS_URL.matcher(lines[i]);
                while (url.find()) {
                    int line = i + 1;
                    check(root, css, url.group(2).strip(), Kind.ASSET, ids, links).ifPresent(found -> problems.add(
                            Problem.at(stylesheet(site, root, css), line, found.message(), found.hint())));
                }
            }
        }
        return new Done(site, links[0] + " links checked");
    }


    private static String uri(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** A problem's message and hint when {@code href}, written in {@code file}, leads nowhere. */
    /** @param links counts the references checked (those that name a file of the site) */
    private static Optional<Found> check(Path root, Path file, String href, Kind kind, Map<Path, Set<String>> ids, int[] links) {
        if (href.isEmpty() || ELSEWHERE.matcher(href).matches() || href.startsWith("//")) {
            return Optional.empty();
        }
        links[0]++;
        int hash = href.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? href : href.substring(0, hash), StandardCharsets.UTF_8);
        String fragment = hash < 0 ? "" : href.substring(hash + 1);
        Path target = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        if (!target.startsWith(root) || !Files.isRegularFile(target)) {
            return Optional.of(new Found(kind.label + ": " + href + " is not a file of the site", kind.hint));
        }
        if (!fragment.isEmpty() && target.toString().endsWith(".html")
                && !ids.getOrDefault(target, Set.of()).contains(fragment)) {
            return Optional.of(new Found("broken anchor: " + href + " has no element with id '" + fragment + "'",
                    "Headings get ids from their text: '## Paged allocation' is #paged-allocation."));
        }
        return Optional.empty();
    }

    /** At the markdown line that holds the reference when the page has one, else at the page (a template made it). */
    private static Problem problem(Page page, String uri, String href, Found found) {
        if (page == null) {
            return Problem.at("site/" + uri, 0, found.message() + " (made by a template)", found.hint());
        }
        return Problem.at(page.path(), lineOf(page, href).orElse(0), found.message(), found.hint());
    }

    /** The line of the first markdown link, image or HTML attribute that names {@code href}, as the scan found it. */
    private static Optional<Integer> lineOf(Page page, String href) {
        return page.links().stream().filter(link -> link.url().equals(href)).map(PageLink::line).findFirst();
    }

    /** A stylesheet's source: templates/assets/… when it came from there, else its place in the site. */
    private static String stylesheet(Site site, Path root, Path css) {
        String uri = uri(root, css);
        Path source = site.config().assets().resolve(uri);
        return Files.isRegularFile(source) ? site.config().display(source) : "site/" + uri;
    }

    private enum Kind {
        LINK("broken link", "Link to a page or file that exists, relative to this page; pages end in .html, not .md."),
        IMAGE("missing image", "Put the image in content/, next to the page or in a folder beside it (files there are "
                + "copied with the pages), and name it relative to the page: ![what it shows](images/chart.png)."),
        MEDIA("missing media file", "Put the file in content/, next to the page, and name it relative to the page."),
        ASSET("missing asset", "Put stylesheets, scripts and fonts in templates/assets/ (copied to the site root) "
                + "and name them relative to the file that uses them.");

        final String label;
        final String hint;

        Kind(String label, String hint) {
            this.label = label;
            this.hint = hint;
        }

        static Kind of(Written.Kind kind) {
            return switch (kind) {
                case LINK -> LINK;
                case IMAGE -> IMAGE;
                case MEDIA -> MEDIA;
                case ASSET -> ASSET;
            };
        }
    }

    private record Found(String message, String hint) {
    }
}
