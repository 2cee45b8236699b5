package dev.infoprune.cli;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.CancelledException;
import dev.infoprune.core.Reading;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code infoprune} command. Exit status: 0 success, 1 failure inside InfoPrune, 2 bad input
 * (one line on stderr naming the file and the problem).
 */
@Command(name = "infoprune", mixinStandardHelpOptions = true, version = "InfoPrune 0.1.0",
        description = "Information-theoretic pruning of neural networks.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DatasetsCommand.class,
                ModelsCommand.class,
                InfoCommand.class,
                MethodsCommand.class,
                PruneCommand.class,
                CompareCommand.class,
                DigestCommand.class,
                ImportCommand.class,
                ExportCommand.class,
                TrainCommand.class,
                EvaluateCommand.class,
                PredictCommand.class,
                MiCommand.class,
                ScoresCommand.class,
        })
public final class InfoPruneCli implements Runnable {
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (for tests, without exiting the JVM). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The one place memory exhaustion is reported: the file being read when it happened (readers tag the error,
     * see {@link Reading}), or the command, in one line with exit status 2.
     */
    private static int outOfMemory(CommandLine line, OutOfMemoryError e) {
        TerminalProgress.endLine(line.getErr());
        String hint = "; InfoPrune's heap is " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB (set INFOPRUNE_JAVA_OPTS=-Xmx... for more)";
        if (e instanceof Reading.OutOfMemory r) {
            line.getErr().println("infoprune: " + r.source() + ": too large: memory ran out while reading it" + hint);
        } else {
            line.getErr().println("infoprune: " + line.getCommandName() + ": memory ran out" + hint);
        }
        line.getErr().flush();
        return BAD_INPUT;
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new InfoPruneCli());
        MethodHelp.addSection(cl.getSubcommands().get("prune"), "the common ones as options above, any as -o KEY=VALUE");
        MethodHelp.addSection(cl.getSubcommands().get("compare"), "--option METHOD.KEY=VALUE");
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            try {
                return run.execute(parseResult);
            } catch (OutOfMemoryError e) {
                java.util.List<CommandLine> parsed = parseResult.asCommandLineList();
                return outOfMemory(parsed.get(parsed.size() - 1), e);
            }
        });
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            Throwable t = ex;
            while (!(t instanceof BadInputException) && !(t instanceof CancelledException) && t.getCause() != null) {
                t = t.getCause();
            }
            TerminalProgress.endLine(line.getErr());
            if (t instanceof BadInputException bad) {
                line.getErr().println("infoprune: " + bad.getMessage());
                return BAD_INPUT;
            }
            if (t instanceof CancelledException) {
                line.getErr().println("infoprune: cancelled");
                return 130;
            }
            line.getErr().println("infoprune: internal error: " + ex);
            ex.printStackTrace(line.getErr());
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("infoprune: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, ex.getCommandLine().getErr());
            return BAD_INPUT;
        });
        return cl;
    }
}
