package dev.llmqa.cli;

import dev.llmqa.build.Tools;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code llmqa build | serve | check}: parse arguments, run the pipeline, return an exit code. */
@Command(name = "llmqa",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Builds the LLM Interview Q&A site: markdown in content/, runnable Java in examples/, "
                + "templates in templates/, the finished static site in site/.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the build found problems (each is listed as path:line)", "2:bad command line"})
public final class Main implements Runnable {

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print only problems.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Also show JBake's and OrientDB's logs.")
    boolean verbose;

    @Option(names = "--root", scope = ScopeType.INHERIT, paramLabel = "DIR", defaultValue = ".",
            description = "The project folder (holds content/, templates/, examples/). Default: the current folder.")
    Path root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Tools a caller keeps warm across runs (the test suite); null: each build makes and closes its own. */
    final Tools kept;

    private Main(Tools kept) {
        this.kept = kept;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** The commands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(BuildCommand.class, ServeCommand.class, CheckCommand.class,
            NewCommand.class, PruneCommand.class);

    /**
     * The commands picocli gets a model of: only the one the arguments name, when they name one (picocli builds each
     * command's model from its annotations, which was most of what a build with nothing to do cost before it read
     * its first file); all of them, and {@code help}, when none is named (the list, {@code help}, a usage error).
     */
    static List<Object> commands(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--root")) {
                i++;
            } else if (!arg.startsWith("-")) {
                for (Class<?> command : COMMANDS) {
                    if (command.getAnnotation(Command.class).name().equals(arg)) {
                        return List.of(command);
                    }
                }
                break;
            }
        }
        List<Object> all = new ArrayList<>(COMMANDS);
        all.add(CommandLine.HelpCommand.class);
        return all;
    }

    /** Runs the command line with the given streams; the exit code is returned, never passed to System.exit. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, null);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, building with tools the caller keeps (and closes). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Tools kept) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // what picocli prints for it, without building its model of every command from their annotations first
            // (two thirds of the time --version took)
            for (String line : new Version().getVersion()) {
                out.println(line);
            }
            out.flush();
            return 0;
        }
        CommandLine cli = new CommandLine(new Main(kept));
        for (Object command : commands(args)) {
            cli.addSubcommand(command);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionStrategy(parsed -> {
            // --help and --version answer before anything else is loaded (logging, JBake, the engines)
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help;
            }
            Main main = parsed.asCommandLineList().get(0).getCommand();
            Logging.configure(main.verbose);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli.execute(args);
    }
}
