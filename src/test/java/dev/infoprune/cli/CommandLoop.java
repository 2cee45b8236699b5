package dev.infoprune.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A child process for {@link OutputKillTest}: runs one infoprune command over and over (until killed), with
 * {@code {seed}} in its arguments replaced by 1 and 2 in turn so that consecutive outputs differ, and touches a
 * "started" file after the first complete run. Exits with status 3 when a run fails.
 */
public final class CommandLoop {
    private CommandLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path started = Path.of(args[0]);
        String[] template = Arrays.copyOfRange(args, 1, args.length);
        for (long i = 0; ; i++) {
            String seed = Long.toString(1 + i % 2);
            String[] command = Arrays.stream(template).map(a -> a.replace("{seed}", seed)).toArray(String[]::new);
            StringWriter err = new StringWriter();
            CommandLine cl = InfoPruneCli.commandLine();
            cl.setOut(new PrintWriter(new StringWriter(), true));
            cl.setErr(new PrintWriter(err, true));
            int status = cl.execute(command);
            if (status != 0) {
                System.err.println("run " + i + " failed with status " + status + ": " + err);
                System.exit(3);
            }
            if (i == 0) {
                Files.writeString(started, "1");
            }
        }
    }
}
