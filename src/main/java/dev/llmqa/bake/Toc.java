package dev.llmqa.bake;

import com.vladsch.flexmark.ast.Heading;
import dev.llmqa.site.Page;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * "On this page": a nested list of the body's h2 and h3 headings, linking to their ids. Empty without headings. Read
 * from the page's parsed body after rendering, which gave each heading its id; jsoup only writes the list.
 */
final class Toc {

    private Toc() {
    }

    static String of(Page page) {
        List<Heading> headings = new ArrayList<>();
        for (var node : page.parsed().document().getDescendants()) {
            if (node instanceof Heading heading && (heading.getLevel() == 2 || heading.getLevel() == 3)
                    && heading.getAnchorRefId() != null && !heading.getAnchorRefId().isEmpty()) {
                headings.add(heading);
            }
        }
        if (headings.isEmpty()) {
            return "";
        }
        Element list = new Element("ul");
        Element current = null;
        for (Heading heading : headings) {
            Element item = new Element("li").appendChild(new Element("a").attr("href", "#" + heading.getAnchorRefId())
                    .text(heading.getAnchorRefText()));
            if (heading.getLevel() == 3 && current != null) {
                Element sub = current.selectFirst("> ul");
                if (sub == null) {
                    sub = current.appendElement("ul");
                }
                sub.appendChild(item);
            } else {
                list.appendChild(item);
                current = item;
            }
        }
        return list.outerHtml();
    }
}
