package dev.infoprune.model;

import java.nio.file.Path;

/** Finds a python3 with NumPy for cross-checks against NumPy; tests that need it are skipped without it. */
public final class PythonCheck {
    private PythonCheck() {
    }

    public static Path pythonWithNumpy() {
        for (String candidate : new String[] {"python3", "/usr/bin/python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import numpy").redirectErrorStream(true).start();
                if (p.waitFor() == 0) {
                    return Path.of(candidate);
                }
            } catch (Exception ignored) {
                // try the next one
            }
        }
        return null;
    }
}
