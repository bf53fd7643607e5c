package dev.llmqa.example;


import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.text.Suggest;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every example file (.jsh or .java under examples/) is used by some page: loaded by its name
 * (examples/NAME.jsh for content/…/NAME.md), loaded by an {@code examples=} header, or shown by an
 * {@code include=} block. An unused file is most often a page renamed without its example, which would then
 * silently stop loading. A stage of its own, right after scan, so that this hint comes before the compile errors
 * such a page would have.
 */
public final class UnusedExamples implements Stage {

    private static final java.util.regex.Pattern ORDER_PREFIX = java.util.regex.Pattern.compile("^(\\d+-)");
    @Override
    public Done run(Site site, Problems problems) throws IOException {
        int files = check(site.pages(), site.config().examples(), problems);
        return new Done(site, files + " example files, each used by a page");
    }


    /** Adds a problem for each unused file; returns how many example files there are. */
    static int check(List<Page> pages, Path examples, Problems problems) throws IOException {
        if (!Files.isDirectory(examples)) {
            return 0;
        }
        Set<String> used = new HashSet<>();
        Map<String, Page> unmatched = new TreeMap<>();
        for (Page page : pages) {
            ExampleFiles.namesFor(page).forEach(name -> used.add(normal(name)));
            page.blocks().stream().flatMap(b -> IncludeTarget.of(b).stream()).forEach(t -> used.add(normal(t.file())));
            if (!Files.isRegularFile(examples.resolve(page.exampleName()))) {
                unmatched.put(page.exampleName(), page);
            }
        }
        List<String> all = files(examples);
        for (String file : all) {
            if (used.contains(file)) {
                continue;
            }
            String hint = renamed(file, unmatched.keySet())
                    .map(name -> "Did you rename the page? Name it examples/" + name + " to go with "
                            + unmatched.get(name).path() + ". ")
                    .map(rename -> rename + "Otherwise load")
                    .orElse("Load")
                    + " it from a page's header (examples=" + file + "), show it with ```java include="
                    + file + "#REGION, or delete it.";
            problems.add(Problem.at("examples/" + file, 1, "examples/" + file + " is not used by any page", hint));
        }
        return all.size();
    }

    /** The name a page expects that this file most likely had: a close spelling, or the same order prefix. */
    private static java.util.Optional<String> renamed(String file, Set<String> expected) {
        java.util.Optional<String> close = Suggest.closest(file, expected);
        if (close.isPresent()) {
            return close;
        }
        java.util.regex.Matcher order = ORDER_PREFIX.matcher(file);
        List<String> sameOrder = order.find()
                ? expected.stream().filter(name -> name.startsWith(order.group(1))).toList() : List.of();
        return sameOrder.size() == 1 ? java.util.Optional.of(sameOrder.get(0)) : java.util.Optional.empty();
    }

    private static List<String> files(Path examples) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(examples)) {
            walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .map(f -> examples.relativize(f).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".jsh") || n.endsWith(".java"))
                    .sorted()
                    .forEach(names::add);
        }
        return names;
    }

    private static String normal(String name) {
        return Path.of(name.strip()).normalize().toString().replace('\\', '/');
    }
}
