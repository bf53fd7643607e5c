package dev.llmqa.cli;

import dev.llmqa.config.SandboxMode;
import dev.llmqa.config.SiteConfig;
import dev.llmqa.serve.Preview;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build, serve the site on 127.0.0.1, rebuild on every change to content/, templates/ or "
                + "examples/ and reload the open page. Stop with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8820", description = "Port on 127.0.0.1. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--sandbox", paramLabel = "MODE", converter = SandboxOption.class,
            description = "auto: run snippets in bubblewrap where it works, else unsandboxed with a warning; "
                    + "required: no sandbox is an error; off. Default: LLMQA_SANDBOX, else auto.")
    SandboxMode sandbox;

    @Override
    public Integer call() throws InterruptedException {
        SiteConfig config = SiteConfig.of(main.root).withSandbox(sandbox);
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), main.quiet,
                config.settings().githubActions());
        try (Preview preview = new Preview(config, port, console, console::info)) {
            console.info("serving " + config.display(config.out()) + "/ at " + preview.url()
                    + " (watching content/, templates/, examples/; Ctrl-C stops)");
            new CountDownLatch(1).await();
            return 0;
        } catch (IOException e) {
            console.error("serve failed: " + e.getMessage()
                    + (e instanceof java.net.BindException ? " (is another server on port " + port + "? try --port)" : ""));
            return 1;
        }
    }
}
