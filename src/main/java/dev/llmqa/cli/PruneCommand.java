package dev.llmqa.cli;

import dev.llmqa.build.PruneDiagrams;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.problem.BuildFailed;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "prune-diagrams", mixinStandardHelpOptions = true,
        description = "Delete the SVGs in diagrams/ that no diagram of content/ uses any more.")
final class PruneCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SiteConfig config = SiteConfig.of(main.root);
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), main.quiet,
                config.settings().githubActions());
        PruneDiagrams.Pruned pruned;
        try {
            pruned = PruneDiagrams.run(config);
        } catch (BuildFailed failure) {
            console.error("prune-diagrams failed: the content has problems; run ./llmqa check");
            return 1;
        }
        pruned.removed().forEach(name -> console.info("removed diagrams/" + name));
        console.info(pruned.removed().size() + " unused SVGs removed, " + pruned.inUse() + " in use");
        return 0;
    }
}
