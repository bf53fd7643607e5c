package dev.llmqa.cli;

import dev.llmqa.config.SiteConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run every stage but publishing: report problems without touching site/.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), main.quiet);
        return BuildCommand.build(SiteConfig.of(main.root), console, false);
    }
}
