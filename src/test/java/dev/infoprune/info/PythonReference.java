package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import dev.infoprune.model.PythonCheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Runs an independent NumPy/SciPy computation on matrices written to a temporary folder. */
final class PythonReference {
    private PythonReference() {
    }

    /** Whether python3 with NumPy and SciPy is available. */
    static boolean available() {
        Path py = PythonCheck.pythonWithNumpy();
        if (py == null) {
            return false;
        }
        try {
            return new ProcessBuilder(py.toString(), "-c", "import scipy.spatial, scipy.special").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Writes each matrix as {@code m0.txt, m1.txt, ...} (whitespace separated, full precision), runs the script
     * with {@code np}, {@code M} (list of arrays) in scope, and returns the numbers it prints.
     */
    static double[] run(String script, Matrix... matrices) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("infoprune-pyref");
        try {
            StringBuilder prelude = new StringBuilder("import numpy as np\nM=[]\n");
            for (int m = 0; m < matrices.length; m++) {
                Path f = dir.resolve("m" + m + ".txt");
                StringBuilder sb = new StringBuilder();
                Matrix x = matrices[m];
                for (int i = 0; i < x.rows(); i++) {
                    for (int j = 0; j < x.cols(); j++) {
                        sb.append(j == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.17g", x.get(i, j)));
                    }
                    sb.append('\n');
                }
                Files.writeString(f, sb.toString());
                prelude.append("M.append(np.loadtxt(r'").append(f).append("', ndmin=2))\n");
            }
            Path scriptFile = dir.resolve("check.py");
            Files.writeString(scriptFile, prelude + script);
            Process p = new ProcessBuilder(PythonCheck.pythonWithNumpy().toString(), scriptFile.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("python failed: " + out);
            }
            return java.util.Arrays.stream(out.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }
}
