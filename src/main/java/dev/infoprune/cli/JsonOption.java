package dev.infoprune.cli;

import picocli.CommandLine.Option;

/** {@code --json}: machine-readable output. */
final class JsonOption {
    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    boolean json;

    boolean on() {
        return json;
    }
}
