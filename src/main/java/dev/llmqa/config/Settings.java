package dev.llmqa.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a build takes from its surroundings, read once when the configuration is made: no stage looks at the
 * environment itself.
 *
 * @param reproducible  {@code SOURCE_DATE_EPOCH} is set: leave out what differs between runs (run times)
 * @param githubActions running in a GitHub Actions job: problems are also printed as workflow annotations
 * @param publishing    the site's address and edit link, from jbake.properties or the Actions run
 * @param chromium      the browser the Mermaid CLI draws with: the {@code executablePath} of
 *                      tools/mermaid/puppeteer.json
 * @param path          the {@code PATH} to look for {@code node} on
 * @param sandbox       whether snippets must, may or must not run in a sandbox ({@code LLMQA_SANDBOX})
 */
public record Settings(boolean reproducible, boolean githubActions, Publishing publishing, Path chromium, String path,
                       SandboxMode sandbox) {

    static final Path DEFAULT_CHROMIUM = Path.of("/usr/bin/chromium");

    public static Settings read(Path root, Map<String, String> env) {
        return new Settings(env.get("SOURCE_DATE_EPOCH") != null, "true".equals(env.get("GITHUB_ACTIONS")),
                Publishing.resolve(root, env), chromium(root.resolve("tools/mermaid/puppeteer.json")),
                env.getOrDefault("PATH", ""), SandboxMode.of(env));
    }

    public Settings withReproducible(boolean on) {
        return new Settings(on, githubActions, publishing, chromium, path, sandbox);
    }

    public Settings withSandbox(SandboxMode mode) {
        return new Settings(reproducible, githubActions, publishing, chromium, path, mode);
    }

    /** Only the one field is read, with the streaming parser: starting Jackson's object mapper costs every command. */
    private static Path chromium(Path puppeteerConfig) {
        if (!Files.isRegularFile(puppeteerConfig)) {
            return DEFAULT_CHROMIUM;
        }
        try (JsonParser json = new JsonFactory().createParser(puppeteerConfig.toFile())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return DEFAULT_CHROMIUM;
            }
            for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("executablePath") && value == JsonToken.VALUE_STRING && !json.getText().isBlank()) {
                    return Path.of(json.getText());
                }
                json.skipChildren();
            }
            return DEFAULT_CHROMIUM;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_CHROMIUM;
        }
    }
}
