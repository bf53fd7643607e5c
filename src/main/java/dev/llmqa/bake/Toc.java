package dev.llmqa.bake;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** "On this page": a nested list of the body's h2 and h3 headings, linking to their ids. Empty without headings. */
final class Toc {

    private Toc() {
    }

    static String of(String bodyHtml) {
        Elements headings = Jsoup.parseBodyFragment(bodyHtml).select("h2[id], h3[id]");
        if (headings.isEmpty()) {
            return "";
        }
        Element list = new Element("ul");
        Element current = null;
        for (Element heading : headings) {
            Element item = new Element("li").appendChild(new Element("a").attr("href", "#" + heading.id()).text(heading.text()));
            if (heading.tagName().equals("h3") && current != null) {
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
