package dev.infoprune.cli;

import dev.infoprune.prune.MethodType;
import dev.infoprune.prune.PruningMethods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code infoprune methods [NAME]}: every pruning method with its settings (key, meaning, range, default). */
@Command(name = "methods", mixinStandardHelpOptions = true,
        description = "List the pruning methods and their settings (give them to prune as -o KEY=VALUE, to compare as "
                + "--option METHOD.KEY=VALUE).")
final class MethodsCommand implements Runnable {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only this method.")
    String name;

    @Mixin
    Console console;

    @Override
    public void run() {
        List<MethodType> types = name == null ? PruningMethods.all() : List.of(PruningMethods.type(name));
        if (console.json()) {
            JsonOutput.print(console.out(), MethodHelp.json(types));
        } else {
            console.out().print(MethodHelp.text(types));
            console.out().flush();
        }
    }
}
