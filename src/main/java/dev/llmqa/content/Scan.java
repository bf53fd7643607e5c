package dev.llmqa.content;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.Problem;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Header;
import dev.llmqa.site.Page;
import dev.llmqa.site.Site;
import dev.llmqa.site.Stage;
import dev.llmqa.site.Block;
import dev.llmqa.site.Parsed;
import com.vladsch.flexmark.util.ast.Node;
import java.util.LinkedHashMap;
import dev.llmqa.example.ExampleFiles;
import dev.llmqa.example.Includes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The scan stage: every content/**.md becomes a {@link Page}, or problems that say what to fix. What an
 * {@code include=} block shows is read here, once, for every later stage.
 */
public final class Scan implements Stage {

    /** Larger files are refused: a page that size is a mistake, and it would stall the build. */
    static final long MAX_BYTES = 2L * 1024 * 1024;

    private final Scanned memo;

    /** A scan for one build. */
    public Scan() {
        this(Scanned.none());
    }

    /** A scan that takes unchanged files from {@code memo} and leaves what it read there ({@code serve}). */
    public Scan(Scanned memo) {
        this.memo = memo;
    }

    @Override
    public Done run(Site site, Problems problems) throws IOException {
        SiteConfig config = site.config();
        if (!Files.isDirectory(config.content())) {
            problems.add(SiteConfig.CONTENT, 0, "there is no content/ folder in " + config.root(),
                    "Run llmqa in the project root (the folder with content/, templates/ and examples/), or pass --root.");
            return new Done(site, "no content");
        }
        Includes includes = new Includes(new ExampleFiles(config.examples()));
        List<String> types = Templates.types(config.templates());
        Optional<String> context = memo.context(types, site.sources(), config.display(config.examples()));
        List<Path> files = markdownFiles(config.content());
        memo.keepOnly(java.util.Set.copyOf(files));
        // the files are read and parsed side by side; pages and problems are taken in file order, as one by one
        List<Scanned.Read> reads;
        try {
            reads = files.parallelStream().map(file -> {
                try {
                    return scan(site, file, types, includes, context);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        List<Page> pages = new ArrayList<>();
        for (Scanned.Read read : reads) {
            problems.addAll(read.problems());
            read.warnings().forEach(problems::warn);
            read.page().ifPresent(pages::add);
        }
        checkDuplicateOrders(pages, problems);
        checkDuplicateSlugs(pages, problems);
        long blocks = pages.stream().mapToLong(p -> p.blocks().size()).sum();
        return new Done(site.withPages(pages), pages.size() + " pages, " + blocks + " code blocks");
    }

    /**
     * One file: as the memo has it when the file's bytes (as the pipeline saw them) and the context are those it was
     * scanned with, else read and parsed (and kept, when there is a context).
     */
    private Scanned.Read scan(Site site, Path file, List<String> types, Includes includes, Optional<String> context)
            throws IOException {
        SiteConfig config = site.config();
        String path = config.display(file);
        if (context.isPresent()) {
            Optional<Scanned.Read> known = memo.get(file, site.sources().sha(path), context.get());
            if (known.isPresent()) {
                return known.get();
            }
        }
        Problems own = new Problems();
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            own.add(path, 0, "the file is " + size / 1024 + " KiB, over the " + MAX_BYTES / 1024 + " KiB limit",
                    "Split the page, or move data out of it.");
            return new Scanned.Read(Optional.empty(), own.list(), List.of());
        }
        byte[] bytes = Files.readAllBytes(file);
        Optional<Page> page = read(config, file, path, bytes, types, includes, own);
        Scanned.Read read = new Scanned.Read(page, own.list(), own.takeWarnings());
        context.ifPresent(c -> memo.put(file, bytes, c, read));
        return read;
    }

    static List<Path> markdownFiles(Path content) throws IOException {
        try (Stream<Path> files = Files.walk(content)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".md"))
                    .sorted(Comparator.comparing(Path::toString))
                    .collect(Collectors.toList());
        }
    }

    private static Optional<Page> read(SiteConfig config, Path file, String path, byte[] bytes, List<String> types,
                                       Includes includes, Problems problems) {
        Optional<String> text = decode(path, bytes, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = text.get().lines().collect(Collectors.toList());
        HeaderParser parser = new HeaderParser(path, types);
        Optional<Header> header = parser.parse(lines);
        problems.addAll(parser.problems());
        if (header.isEmpty()) {
            return Optional.empty();
        }
        // a page whose header has problems is still returned: the duplicate-order check needs it, and the
        // pipeline stops after this stage anyway
        String body = String.join("\n", lines.subList(header.get().separatorLine(), lines.size())) + "\n";
        BlockExtractor.Extracted extracted = BlockExtractor.extract(body, header.get().separatorLine());
        Map<Node, Block> blocks = new LinkedHashMap<>(extracted.blocks());
        blocks.replaceAll((node, block) -> includes.resolve(path, block, problems));
        blocks.values().stream().filter(b -> !b.closed()).forEach(b -> problems.add(path, b.line(),
                "this code fence is never closed, so the rest of the file is code",
                "Close it with a line of the same fence (```) after the code."));
        blocks.values().forEach(b -> misspeltKind(b).ifPresent(kind -> problems.add(path, b.line(),
                "unknown block kind '" + b.kind() + "'", "Did you mean '" + kind + "'? Only " + String.join(", ", EXECUTABLE)
                        + " blocks run or draw; other kinds show as plain code.")));
        String uri = config.display(file).substring(SiteConfig.CONTENT.length() + 1).replaceAll("\\.md$", ".html");
        Parsed parsed = new Parsed(extracted.document(), blocks, extracted.values(), extracted.formulas());
        return Optional.of(new Page(file.toAbsolutePath().normalize(), path, uri, header.get(), body,
                List.copyOf(blocks.values()), List.copyOf(extracted.values().values()),
                List.copyOf(extracted.formulas().values()), extracted.links(), parsed));
    }

    /** The kinds that do something; a kind one or two letters away from one of them is surely a typo. */
    static final List<String> EXECUTABLE = List.of("java", "jshell", "mermaid");

    /** Languages that are close to an executable kind by spelling but are not typos. */
    private static final java.util.Set<String> LANGUAGES = java.util.Set.of("shell", "sh", "bash", "zsh", "console",
            "json", "js", "jsx", "javascript", "text", "plain", "txt", "kotlin", "scala", "groovy", "jsonc", "json5");

    private static Optional<String> misspeltKind(dev.llmqa.site.Block block) {
        String kind = block.kind().toLowerCase(java.util.Locale.ROOT);
        if (kind.length() < 3 || EXECUTABLE.contains(block.kind()) || LANGUAGES.contains(kind)) {
            return Optional.empty();
        }
        return EXECUTABLE.stream().filter(k -> dev.llmqa.text.Suggest.distance(kind, k) <= 2).findFirst();
    }

    private static Optional<String> decode(String path, byte[] bytes, Problems problems) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.indexOf('\0') >= 0) {
                problems.add(path, lineOf(text, text.indexOf('\0')), "the file holds a NUL byte: it looks binary",
                        "Content files are UTF-8 markdown text.");
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (CharacterCodingException e) {
            problems.add(path, firstBadLine(bytes), "the file is not valid UTF-8",
                    "Save it as UTF-8 (your editor's encoding setting).");
            return Optional.empty();
        }
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int firstBadLine(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 1;
    }

    private static void checkDuplicateOrders(List<Page> pages, Problems problems) {
        Map<String, Map<Integer, Page>> byType = new HashMap<>();
        for (Page page : pages) {
            if (page.order().isEmpty()) {
                continue;
            }
            int order = page.order().getAsInt();
            Page first = byType.computeIfAbsent(page.type(), t -> new HashMap<>()).putIfAbsent(order, page);
            if (first != null) {
                int line = page.header().entry("order").orElseThrow().line();
                int firstLine = first.header().entry("order").orElseThrow().line();
                problems.add(Problem.at(page.path(), line,
                        "order=" + order + " is already used by " + first.path() + ":" + firstLine,
                        "Give each " + page.type() + " its own order; the next free one is "
                                + nextFree(byType.get(page.type())) + "."));
            }
        }
    }

    /**
     * A page's name without its order prefix, in lower case: {@code 08-kv-cache.md} is "kv-cache". Two pages with
     * one slug are a copied page left unrenamed, or two URLs that collide on a case-insensitive disk; and example
     * files are found by file name whatever the folder.
     */
    static String slug(Page page) {
        return slug(Path.of(page.path()).getFileName().toString());
    }

    static String slug(String fileName) {
        return fileName.replaceFirst("\\.md$", "").replaceFirst("^\\d+-", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static void checkDuplicateSlugs(List<Page> pages, Problems problems) {
        Map<String, Page> bySlug = new HashMap<>();
        for (Page page : pages) {
            Page first = bySlug.putIfAbsent(slug(page), page);
            if (first != null) {
                problems.add(Problem.at(page.path(), 1, "the page name '" + slug(page) + "' is already used by "
                        + first.path(), "Rename one of the two files: each page needs a name of its own (its address "
                        + "and its examples/NAME.jsh follow from the file name)."));
            }
        }
    }

    private static int nextFree(Map<Integer, Page> used) {
        int n = 1;
        while (used.containsKey(n)) {
            n++;
        }
        return n;
    }
}
