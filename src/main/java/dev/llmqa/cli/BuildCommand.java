package dev.llmqa.cli;

import dev.llmqa.build.Pipeline;
import dev.llmqa.build.Tools;
import dev.llmqa.config.SandboxMode;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.BuildFailed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site into site/ (or --out). A failed build leaves the previous site as it was.")
final class BuildCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the site. Default: site/ in the project.")
    Path out;

    @Option(names = "--no-cache", description = "Recompute everything instead of reusing earlier results.")
    boolean noCache;

    @Option(names = "--strict-diagrams",
            description = "A diagram with no stored SVG and no Mermaid CLI fails the build instead of being drawn in the browser.")
    boolean strictDiagrams;

    @Option(names = "--sandbox", paramLabel = "MODE", converter = SandboxOption.class,
            description = "auto: run snippets in bubblewrap where it works, else unsandboxed with a warning; "
                    + "required: no sandbox is an error; off. Default: LLMQA_SANDBOX, else auto.")
    SandboxMode sandbox;

    @Override
    public Integer call() {
        SiteConfig config = SiteConfig.of(main.root).withCache(!noCache).withStrictDiagrams(strictDiagrams)
                .withSandbox(sandbox);
        if (out != null) {
            config = config.withOut(Path.of("").toAbsolutePath().resolve(out));
        }
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), main.quiet,
                config.settings().githubActions());
        return build(config, console, true, main.kept);
    }

    /** @param kept tools kept across builds, or null for a build that makes and closes its own */
    static int build(SiteConfig config, Console console, boolean publish, Tools kept) {
        long start = System.nanoTime();
        String verb = publish ? "build" : "check";
        console.info("llmqa " + Version.number() + ": " + verb + " " + config.root());
        try {
            Pipeline.Outcome outcome = (kept == null ? Pipeline.standard(publish, console)
                    : Pipeline.standard(publish, console, kept)).run(config);
            String site = config.display(config.out()) + "/";
            console.info(!publish ? "checked in " + Console.seconds(start) + ": no problems"
                    : outcome == Pipeline.Outcome.UP_TO_DATE ? site + " is up to date (" + Console.seconds(start) + ")"
                    : "built " + site + " in " + Console.seconds(start));
            return 0;
        } catch (BuildFailed failure) {
            console.failed(verb, failure);
            if (publish) {
                console.error(config.display(config.out()) + "/ was left as it was.");
            }
            return 1;
        } catch (IOException e) {
            console.error(verb + " failed: " + describe(config, e));
            if (publish) {
                console.error(config.display(config.out()) + "/ was left as it was.");
            }
            return 1;
        }
    }

    /** "site/…/x.html: No space left on device (free some disk space and build again)": the file, then why. */
    static String describe(SiteConfig config, IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            String reason = fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
            String hint = reason.contains("No space left") ? " (free some disk space and build again)" : "";
            return config.display(Path.of(fs.getFile())) + ": " + reason + hint;
        }
        return String.valueOf(e);
    }
}
