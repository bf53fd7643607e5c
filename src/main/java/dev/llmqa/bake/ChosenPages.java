package dev.llmqa.bake;

import java.util.Set;
import org.jbake.app.ContentStore;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;

/**
 * JBake's renderer, rendering only the documents whose key changed: every page is in JBake's database (the templates
 * list them all), but a kept page's file is the previous build's.
 */
final class ChosenPages extends Renderer {

    private final Set<String> uris;

    ChosenPages(ContentStore db, JBakeConfiguration config, Set<String> uris) {
        super(db, config);
        this.uris = Set.copyOf(uris);
    }

    @Override
    public void render(DocumentModel content) throws Exception {
        if (uris.contains(content.getUri())) {
            super.render(content);
        }
    }
}
