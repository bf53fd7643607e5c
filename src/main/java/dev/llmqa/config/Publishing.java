package dev.llmqa.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the site is published and where its sources can be edited: {@code site.host} and {@code site.edit} in
 * jbake.properties, else what a GitHub Actions run says about its repository (GitHub Pages address, edit URL
 * on the branch), else unknown. Unknown means no sitemap.xml and no "Edit this page" link, never a guessed URL.
 *
 * @param host the site's base URL with a trailing slash, or ""
 * @param edit the URL a source path is appended to for editing, with a trailing slash, or ""
 */
public record Publishing(String host, String edit) {

    public static Publishing resolve(Path root, Map<String, String> env) {
        Properties properties = new Properties();
        Path file = root.resolve("jbake.properties");
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String repository = env.getOrDefault("GITHUB_REPOSITORY", "");
        String host = properties.getProperty("site.host", "");
        String edit = properties.getProperty("site.edit", "");
        if (host.isBlank() && repository.contains("/")) {
            String[] ownerAndName = repository.split("/", 2);
            host = "https://" + ownerAndName[0].toLowerCase() + ".github.io/" + ownerAndName[1] + "/";
        }
        if (edit.isBlank() && repository.contains("/")) {
            edit = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com") + "/" + repository + "/edit/"
                    + env.getOrDefault("GITHUB_REF_NAME", "main") + "/";
        }
        return new Publishing(slash(host.strip()), slash(edit.strip()));
    }

    private static String slash(String url) {
        return url.isEmpty() || url.endsWith("/") ? url : url + "/";
    }
}
