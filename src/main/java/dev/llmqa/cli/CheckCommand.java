package dev.llmqa.cli;

import dev.llmqa.config.SiteConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run every stage but publishing: report problems without touching site/.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--strict-diagrams",
            description = "A diagram with no stored SVG and no Mermaid CLI is an error instead of a warning.")
    boolean strictDiagrams;

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), main.quiet);
        return BuildCommand.build(SiteConfig.of(main.root).withStrictDiagrams(strictDiagrams), console, false, main.kept);
    }
}
