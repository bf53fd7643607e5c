package dev.llmqa.build;

import dev.llmqa.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small project (the "blocks" fixture, a page with math, a tagged question with its own example file, tag pages
 * and a sitemap) and the edits {@link IncrementalBuildTest} makes to it. Added pages are the ones deleted and renamed.
 */
final class EditedSite {

    private static final String FAILING = "\n```java\nthrow new IllegalStateException(\"broken on purpose\");\n```\n";

    private final Path root;
    private final List<String> added = new ArrayList<>();
    private int next = 50;
    private int templateEdits;

    private EditedSite(Path root) {
        this.root = root;
    }

    static EditedSite create(Path root) {
        Fixtures.copy("blocks", root);
        Fixtures.write(root.resolve("jbake.properties"), "site.host=https://example.org/docs/\n");
        Fixtures.write(root.resolve("content/about.md"), "title=About\ntype=page\nstatus=published\n~~~~~~\n"
                + "A page with math: $a_{1}$.\n");
        Fixtures.write(root.resolve("content/questions/02-second.md"), "title=Second\ntype=question\n"
                + "status=published\norder=2\ntags=alpha,beta\nsummary=The second question.\n~~~~~~\n"
                + "The answer is `= answer()`.\n\n```java\nSystem.out.println(20 + 1);\n```\n\n## More\n\nText.\n");
        Fixtures.write(root.resolve("examples/02-second.jsh"), "int answer() {\n    return 42;\n}\n");
        Fixtures.write(root.resolve("templates/tag.ftl"), "<#import \"_frame.ftl\" as f>"
                + "<#global content = {\"rootpath\": \"../\", \"title\": \"Tag \" + tag}><@f.page><h1>${tag}</h1>"
                + "<#list tagged_documents?sort_by(\"order\") as d><a href=\"../${d.uri}\">${d.title?html}</a> </#list>"
                + "</@f.page>\n");
        Fixtures.write(root.resolve("templates/tags.ftl"), "<#import \"_frame.ftl\" as f>"
                + "<#global content = {\"rootpath\": \"../\", \"title\": \"Tags\"}><@f.page>"
                + "<#list alltags?sequence?sort as t><a href=\"${t}.html\">${t}</a> </#list></@f.page>\n");
        Fixtures.write(root.resolve("templates/sitemap.ftl"), "<urlset><#list published_content?sort_by(\"uri\") as p>"
                + "<url><loc>${config.site_host}${p.uri}</loc></url></#list></urlset>\n");
        return new EditedSite(root);
    }

    Path root() {
        return root;
    }

    private Path file(String path) {
        return root.resolve(path);
    }

    private void replace(String path, String regex, String with) throws IOException {
        String text = Files.readString(file(path), StandardCharsets.UTF_8);
        if (!java.util.regex.Pattern.compile(regex).matcher(text).find()) {
            throw new IllegalStateException(path + " has no " + regex);
        }
        Files.writeString(file(path), text.replaceFirst(regex, with), StandardCharsets.UTF_8);
    }

    private void append(String path, String text) throws IOException {
        Files.writeString(file(path), Files.readString(file(path)) + text, StandardCharsets.UTF_8);
    }

    private List<String> pages() {
        List<String> pages = new ArrayList<>(List.of("content/index.md", "content/about.md",
                "content/questions/01-kinds.md", "content/questions/02-second.md"));
        pages.addAll(added);
        return pages;
    }

    void prose(int n) throws IOException {
        append(pages().get(n % pages().size()), "\nMore prose, " + n + ".\n");
    }

    /** A paragraph before the code of the page with code: every block and value moves down two lines. */
    void proseAbove(int n) throws IOException {
        replace("content/questions/02-second.md", "~~~~~~\n", "~~~~~~\nA line above, " + n + ".\n\n");
    }

    void formula(int n) throws IOException {
        replace("content/about.md", "\\$a_\\{\\d+}\\$", "\\$a_{" + n + "}\\$");
    }

    void code(int n) throws IOException {
        int value = n * 1000 + next++; // never the value it had
        replace("content/questions/02-second.md", "println\\(\\d+ \\+ 1\\)", "println(" + value + " + 1)");
    }

    /** Code that runs, added at the end of the page with code (which the preview server runs in the page's open session). */
    void moreCode(int n) throws IOException {
        append("content/questions/02-second.md", "\n```java\nSystem.out.println(answer() * " + n + ");\n```\n");
    }

    void example(int n) throws IOException {
        replace("examples/02-second.jsh", "return \\d+;", "return " + n + ";");
    }

    void region(int n) throws IOException {
        replace("examples/01-kinds.jsh", "(// @start region=\"kv-formula\"\n)", "$1// shown: " + n + "\n");
    }

    void titleOrOrder(int n) throws IOException {
        if (n % 2 == 0) {
            replace("content/questions/02-second.md", "title=.*", "title=Second, take " + n);
        } else {
            replace("content/questions/02-second.md", "order=\\d+", "order=" + (2 + n % 40));
        }
    }

    void template(int n) throws IOException {
        if (templateEdits++ % 2 == 1) {
            replace("templates/_frame.ftl", "</main>", "<footer>" + n + "</footer></main>");
            return;
        }
        // every other time, the first time first: the tag pages start (or stop) showing the tagged pages' bodies, so
        // that the edits after it are made while a page's body is an input of every tag page
        Path tag = file("templates/tag.ftl");
        String text = Files.readString(tag, StandardCharsets.UTF_8);
        String plain = "${d.title?html}</a> </#list>";
        String bodies = "${d.title?html}</a> <div>${d.body}</div> </#list>";
        Files.writeString(tag, text.contains(bodies) ? text.replace(bodies, plain) : text.replace(plain, bodies),
                StandardCharsets.UTF_8);
    }

    void asset(int n) throws IOException {
        append("templates/assets/site.css", "\n.edit-" + n + " { margin: " + n + "px; }\n");
    }

    void newPage(int n) {
        int number = next++;
        String path = "content/questions/" + number + "-extra-" + number + ".md";
        Fixtures.write(file(path), "title=Extra " + n + "\ntype=question\nstatus=published\norder=" + (100 + number)
                + "\ntags=gamma\nsummary=An added page.\n~~~~~~\nAdded with " + n + ".\n");
        added.add(path);
    }

    void deletePage(int n) throws IOException {
        if (added.isEmpty()) {
            newPage(n);
        }
        Files.delete(file(added.remove(n % added.size())));
    }

    void renamePage(int n) throws IOException {
        if (added.isEmpty()) {
            newPage(n);
        }
        String from = added.remove(n % added.size());
        String to = from.replace(".md", "-renamed-" + n + ".md");
        Files.move(file(from), file(to));
        added.add(to);
    }

    /** Nothing at all: the next build is up to date. */
    void nothing(int n) {
    }

    /** A page saved again without a change: a new file time, the same bytes. */
    void touch(int n) throws IOException {
        Path page = file(pages().get(n % pages().size()));
        Files.setLastModifiedTime(page, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(page).toMillis() + 1000L * (1 + n)));
    }

    /** Someone changes the published site by hand: a page deleted or rewritten, or a file added. */
    void damageSite(int n) throws IOException {
        Path site = root.resolve("site");
        switch (n % 3) {
            case 0 -> Files.delete(site.resolve("questions/02-second.html"));
            case 1 -> Files.writeString(site.resolve("index.html"), "edited by hand " + n);
            default -> Files.writeString(site.resolve("stray-" + n + ".html"), "not built");
        }
    }

    void breakPage(int n) throws IOException {
        append("content/about.md", FAILING);
    }

    void fixPage() throws IOException {
        String text = Files.readString(file("content/about.md"));
        Files.writeString(file("content/about.md"), text.replace(FAILING, ""), StandardCharsets.UTF_8);
    }
}
