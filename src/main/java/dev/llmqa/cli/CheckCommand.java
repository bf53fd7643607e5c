package dev.llmqa.cli;

import dev.llmqa.config.SandboxMode;
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

    @Option(names = "--sandbox", paramLabel = "MODE", converter = SandboxOption.class,
            description = "auto: run snippets in bubblewrap where it works, else unsandboxed with a warning; "
                    + "required: no sandbox is an error; off. Default: LLMQA_SANDBOX, else auto.")
    SandboxMode sandbox;

    @Override
    public Integer call() {
        SiteConfig config = SiteConfig.of(main.root).withStrictDiagrams(strictDiagrams).withSandbox(sandbox);
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), main.quiet,
                config.settings().githubActions());
        return BuildCommand.build(config, console, false, main.kept);
    }
}
