package dev.llmqa.cli;

import dev.llmqa.config.SiteConfig;
import dev.llmqa.content.Scaffold;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Start a question: content/questions/NN-slug.md and examples/NN-slug.jsh, with the next free order.")
final class NewCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TITLE", description = "The question, e.g. \"What is beam search?\"")
    String title;

    @Override
    public Integer call() throws IOException {
        SiteConfig config = SiteConfig.of(main.root);
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), main.quiet,
                config.settings().githubActions());
        try {
            Scaffold.Created created = Scaffold.create(config, title);
            console.info("created " + config.display(created.page()) + " (order=" + created.order() + ")");
            console.info("created " + config.display(created.example()));
            console.info("next: ./llmqa serve to preview it, ./llmqa check before the pull request (see CONTRIBUTING.md)");
            return 0;
        } catch (IllegalArgumentException e) {
            console.error("new failed: " + e.getMessage());
            return 1;
        }
    }
}
