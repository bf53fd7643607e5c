package dev.llmqa.cli;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Scan;
import dev.llmqa.diagram.Diagram;
import dev.llmqa.diagram.DiagramExecutor;
import dev.llmqa.diagram.DiagramStore;
import dev.llmqa.problem.Problems;
import dev.llmqa.site.Site;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), main.quiet);
        SiteConfig config = SiteConfig.of(main.root);
        Problems problems = new Problems();
        Site site = new Scan().run(Site.start(config), problems);
        if (!problems.isEmpty()) {
            console.error("prune-diagrams failed: the content has problems; run ./llmqa check");
            return 1;
        }
        Set<String> used = DiagramExecutor.diagrams(site).stream().map(Diagram::key).collect(Collectors.toSet());
        List<String> removed = new DiagramStore(config.diagrams()).prune(used);
        removed.forEach(name -> console.info("removed diagrams/" + name));
        console.info(removed.size() + " unused SVGs removed, " + used.size() + " in use");
        return 0;
    }
}
