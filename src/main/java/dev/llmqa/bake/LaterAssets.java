package dev.llmqa.bake;

import java.io.File;
import java.util.List;
import org.jbake.app.Asset;
import org.jbake.app.configuration.JBakeConfiguration;

/**
 * Stands in for JBake's asset copy inside the bake, which the render stage does itself after it: the staging folder
 * then holds only what was rendered (pages and listings), so the listings can be told from the assets.
 */
final class LaterAssets extends Asset {

    LaterAssets(JBakeConfiguration config) {
        super(config);
    }

    @Override
    public void copy() {
        // done after the bake
    }

    @Override
    public void copyAssetsFromContent(File path) {
        // done after the bake
    }

    @Override
    public List<Throwable> getErrors() {
        return List.of();
    }
}
