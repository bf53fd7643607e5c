package dev.llmqa.bake;

import com.orientechnologies.orient.core.config.OGlobalConfiguration;
import java.util.Set;
import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.model.DocumentModel;

/**
 * An in-memory content store that starts once: JBake's {@code Oven} calls {@link #startup()} again when it bakes,
 * which for a store that is up only makes its session the calling thread's. It hands JBake's page renderer only the
 * pages a bake renders ({@link #renderOnly}): for every page it is handed, JBake queries all pages of its type (for
 * its neighbours) and marks it rendered in the database, so handing it the kept pages too cost a query per page.
 */
class StartedOnce extends ContentStore {

    private boolean started;
    private Set<String> only;
    /**
     * Each type's documents and its published ones, read once per bake after the crawl (JBake and the templates ask
     * for them for every page rendered). Keys: the type; "published", NUL, the type.
     */
    private java.util.Map<String, DocumentList<DocumentModel>> byType;

    StartedOnce(String name) {
        super(EarlyStore.TYPE, name);
    }

    @Override
    public synchronized void startup() {
        if (started) {
            getDocumentCount("post"); // makes the session active on the calling thread (ContentStore's own way)
            return;
        }
        // the users an in-memory store creates (JBake opens it as admin) get their password hashed with one PBKDF2
        // round, not 65,536: about an eighth of a bake's CPU went into hashing a password nobody can use
        OGlobalConfiguration.SECURITY_USER_PASSWORD_SALT_ITERATIONS.setValue(1);
        super.startup();
        started = true;
    }

    synchronized boolean started() {
        return started;
    }

    /** The URIs of the pages the next bake renders (every page's document is still in the store, for the templates). */
    synchronized void renderOnly(Set<String> uris) {
        only = Set.copyOf(uris);
        byType = null;
    }

    /**
     * JBake's page renderer asks for all documents of a page's type for every page it renders, to find its neighbours:
     * once the crawl is done (the renderer's first question is for the unrendered pages) the answer is read once per
     * type and bake. Marking pages rendered changes no field the neighbours are found by.
     */
    @Override
    public synchronized DocumentList<DocumentModel> getAllContent(String docType) {
        if (byType == null) {
            return super.getAllContent(docType);
        }
        return byType.computeIfAbsent(docType, super::getAllContent);
    }

    /**
     * A template's {@code published_TYPE} and {@code published_content} ask for each type's published documents for
     * every page they are in (the sidebar of every question lists all questions): once the crawl is done they are
     * read once per type and bake. Each page cost a query of all pages. (A tag's documents are asked for once, by its
     * tag page: kept, every tag's list would hold its own copy of its pages until the bake ends.)
     */
    @Override
    public synchronized DocumentList<DocumentModel> getPublishedContent(String docType) {
        if (byType == null) {
            return super.getPublishedContent(docType);
        }
        return byType.computeIfAbsent("published\0" + docType, key -> super.getPublishedContent(docType));
    }

    @Override
    public synchronized DocumentList<DocumentModel> getUnrenderedContent() {
        byType = new java.util.HashMap<>();
        DocumentList<DocumentModel> all = super.getUnrenderedContent();
        if (only == null) {
            return all;
        }
        DocumentList<DocumentModel> chosen = new DocumentList<>();
        for (DocumentModel document : all) {
            if (only.contains(document.getUri())) {
                chosen.add(document);
            }
        }
        return chosen;
    }
}
