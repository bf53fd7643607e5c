package dev.llmqa.cli;

import dev.llmqa.build.Pipeline;
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

    @Override
    public Integer call() {
        SiteConfig config = SiteConfig.of(main.root).withCache(!noCache).withStrictDiagrams(strictDiagrams);
        if (out != null) {
            config = config.withOut(Path.of("").toAbsolutePath().resolve(out));
        }
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), main.quiet);
        return build(config, console, true, main.kept);
    }

    /** @param kept tools kept across builds, or null for a build that makes and closes its own */
    static int build(SiteConfig config, Console console, boolean publish, Pipeline.Kept kept) {
        long start = System.nanoTime();
        String verb = publish ? "build" : "check";
        console.info("llmqa " + Version.number() + ": " + verb + " " + config.root());
        try {
            (kept == null ? Pipeline.standard(publish, console) : Pipeline.standard(publish, console, kept)).run(config);
            console.info(publish
                    ? "built " + config.display(config.out()) + "/ in " + Console.seconds(start)
                    : "checked in " + Console.seconds(start) + ": no problems");
            return 0;
        } catch (BuildFailed failure) {
            console.failed(verb, failure);
            if (publish) {
                console.error(config.display(config.out()) + "/ was left as it was.");
            }
            return 1;
        } catch (IOException e) {
            console.error(verb + " failed: " + e);
            return 1;
        }
    }
}
