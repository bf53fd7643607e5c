package dev.llmqa.diagram;

import dev.llmqa.execute.TextCache;
import java.io.IOException;
import java.io.StringReader;
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
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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

    /**
     * What is wrong with {@code svg} as the drawing with element id {@code id}, if anything. Read to its end by a
     * streaming parser (no tree is built: half the time of a DOM parse, measured cold on the site's SVGs), which
     * reads no DTD and fetches nothing.
     */
    static Optional<String> defect(String svg, String id) {
        if (svg.isBlank()) {
            return Optional.of("the file is empty");
        }
        try {
            XMLStreamReader reader = INPUTS.createXMLStreamReader(new StringReader(svg));
            try {
                Optional<String> root = Optional.empty();
                boolean first = true;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        return Optional.of("it is not well-formed XML (it has a DOCTYPE, which an SVG of the store never has)");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && first) {
                        first = false;
                        root = rootDefect(reader, id);
                    }
                }
                return root;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            return Optional.of("it is not well-formed XML (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> rootDefect(XMLStreamReader root, String id) {
        if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
            String prefix = root.getPrefix() == null || root.getPrefix().isEmpty() ? "" : root.getPrefix() + ":";
            return Optional.of("its root element is <" + prefix + root.getLocalName() + ">, not an SVG <svg>");
        }
        String actual = root.getAttributeValue(null, "id");
        actual = actual == null ? "" : actual;
        if (!id.equals(actual)) {
            return Optional.of("it is the drawing with id '" + actual + "', not '" + id + "' (another diagram's SVG?)");
        }
        return Optional.empty();
    }

    private static final XMLInputFactory INPUTS = inputs();

    private static XMLInputFactory inputs() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
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
