package dev.infoprune.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;

/** Where a command prints: text or, with {@code --json}, one JSON document on stdout; progress on stderr. */
final class Console {
    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    boolean json() {
        return json;
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** The arguments as the user typed them. */
    List<String> arguments() {
        return command.commandLine().getParseResult().originalArgs();
    }
}
