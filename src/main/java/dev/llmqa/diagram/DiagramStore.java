package dev.llmqa.diagram;

import dev.llmqa.execute.TextCache;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The committed store of rendered diagrams: {@code diagrams/KEY.svg}, KEY being the diagram's content hash, so
 * a clone without Node builds every diagram from it (like Quarto's _freeze).
 *
 * <p>The name is the hash of what was drawn, not of the SVG, so a stored file is checked by its shape when read: a
 * well-formed SVG document whose root element carries the id the renderer gave this diagram. A truncated, emptied or
 * garbled file, or another diagram's SVG under this name, is {@link Stored.Damaged}, never used.
 */
public final class DiagramStore {

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private final Path folder;
    private final CheckedSvgs checked;

    public DiagramStore(Path folder) {
        this(folder, CheckedSvgs.none());
    }

    /** @param checked the SVGs found sound in earlier builds, which are not read again while their files are unchanged */
    public DiagramStore(Path folder, CheckedSvgs checked) {
        this.folder = folder;
        this.checked = checked;
    }

    /** What the store holds for a key. */
    public sealed interface Stored {
        record Missing() implements Stored {
        }

        record Good(String svg) implements Stored {
        }

        /** @param why what is wrong with the file, in a few words */
        record Damaged(Path file, String why) implements Stored {
        }
    }

    /** The stored SVG of {@code key}, when it is there and sound. */
    public Optional<String> get(String key) {
        return read(key) instanceof Stored.Good good ? Optional.of(good.svg()) : Optional.empty();
    }

    /** The stored SVG of {@code key}, checked. */
    public Stored read(String key) {
        Path file = file(key);
        Optional<String> known = checked.get(file);
        if (known.isPresent()) {
            return new Stored.Good(known.get());
        }
        byte[] bytes;
        BasicFileAttributes before;
        try {
            before = Files.readAttributes(file, BasicFileAttributes.class);
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Stored.Missing();
        } catch (IOException e) {
            return new Stored.Damaged(file, "it cannot be read (" + e.getMessage() + ")");
        }
        String svg;
        try {
            svg = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Stored.Damaged(file, "it is not UTF-8 text");
        }
        Optional<String> defect = defect(svg, Diagram.id(key));
        if (defect.isPresent()) {
            return new Stored.Damaged(file, defect.get());
        }
        checked.put(file, before, svg);
        return new Stored.Good(svg);
    }

    public void put(String key, String svg) throws IOException {
        TextCache.writeAtomically(file(key), svg);
    }

    /** Where the SVG of {@code key} is kept. */
    public Path file(String key) {
        return folder.resolve(key + ".svg");
    }

    /** What is wrong with {@code svg} as the drawing with element id {@code id}, if anything. */
    static Optional<String> defect(String svg, String id) {
        if (svg.isBlank()) {
            return Optional.of("the file is empty");
        }
        Element root;
        try {
            root = parser().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (SAXException | IOException e) {
            return Optional.of("it is not well-formed XML (" + e.getMessage() + ")");
        }
        if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
            return Optional.of("its root element is <" + root.getTagName() + ">, not an SVG <svg>");
        }
        if (!id.equals(root.getAttribute("id"))) {
            return Optional.of("it is the drawing with id '" + root.getAttribute("id") + "', not '" + id
                    + "' (another diagram's SVG?)");
        }
        return Optional.empty();
    }

    /** A namespace-aware parser that reads no DTD and fetches nothing, and reports errors instead of printing them. */
    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes stored SVGs no diagram uses any more; returns their file names. */
    public List<String> prune(Set<String> used) throws IOException {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return removed;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".svg") && !used.contains(name.substring(0, name.length() - 4))) {
                    Files.delete(file);
                    removed.add(name);
                }
            }
        }
        return removed;
    }
}
