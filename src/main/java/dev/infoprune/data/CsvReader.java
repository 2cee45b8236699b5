package dev.infoprune.data;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Reading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Reads labelled data sets from CSV files (gzipped or not): numeric features and one label column, the last
 * unless told otherwise. The first line is
 * <ul>
 *   <li>a descriptor {@code rows,features,class name,class name,...} (as in the bundled iris, wine and
 *   breast-cancer files): it names the classes, and the file must then hold that many rows and features;</li>
 *   <li>a header when one of its feature cells is not a number;</li>
 *   <li>otherwise the first data row.</li>
 * </ul>
 * Labels are integers or class names. Integer labels {@code >= 0} are class indices (class names "0".."max"
 * unless a descriptor names them); other labels (class names, negative integers) are mapped to indices in
 * sorted order.
 */
public final class CsvReader {
    /**
     * @param labelColumn which column holds the label: null for the last, a zero-based index (negative counts
     *                    from the end, -1 = last), or a header column name
     */
    public record Options(String labelColumn) {
        public static final Options DEFAULT = new Options(null);
    }

    private CsvReader() {
    }

    public static Dataset read(Path file) {
        return read(file, Options.DEFAULT);
    }

    public static Dataset read(Path file, Options options) {
        return read(file, nameOf(file), options);
    }

    public static Dataset read(Path file, String name, Options options) {
        return Reading.of(file, () -> readUnguarded(file, name, options));
    }

    private static Dataset readUnguarded(Path file, String name, Options options) {
        try (InputStream in = open(file)) {
            return read(in, file.toString(), name, options);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    public static Dataset read(InputStream in, String source, String name, Options options) {
        try (BufferedReader reader = reader(in)) {
            return new LabelledParse(new CsvLines(reader, source), source, name, options).parse();
        } catch (IOException e) {
            throw new BadInputException(source, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Unlabelled numeric rows; a first line with a non-numeric cell is a header. */
    public static NumericRows readRows(Path file) {
        return Reading.of(file, () -> readRowsUnguarded(file));
    }

    private static NumericRows readRowsUnguarded(Path file) {
        try (InputStream in = open(file)) {
            return readRows(in, file.toString());
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    public static NumericRows readRows(InputStream in, String source) {
        try (BufferedReader reader = reader(in)) {
            CsvLines lines = new CsvLines(reader, source);
            CsvLines.Line line = lines.next();
            if (line == null) {
                throw new BadInputException(source, "holds no rows");
            }
            List<String> header = List.of();
            if (Arrays.stream(line.cells()).anyMatch(CsvLines::isName)) {
                header = List.of(line.cells());
                line = lines.next();
                if (line == null) {
                    throw new BadInputException(source, "holds a header line but no rows");
                }
            }
            int cols = line.cells().length;
            checkHeaderWidth(source, header, line);
            List<float[]> rows = new ArrayList<>();
            for (; line != null; line = lines.next()) {
                checkWidth(source, line, cols);
                float[] row = new float[cols];
                for (int j = 0; j < cols; j++) {
                    row[j] = CsvLines.number(source, line, j, header.isEmpty() ? null : header.get(j), line.cells()[j]);
                }
                rows.add(row);
            }
            return new NumericRows(source, rows.size(), cols, concat(rows, cols), header);
        } catch (IOException e) {
            throw new BadInputException(source, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static final class LabelledParse {
        private final CsvLines lines;
        private final String source;
        private final String name;
        private final Options options;
        private List<String> header = List.of();
        private List<String> declaredClasses;
        private int declaredRows = -1;
        private int declaredFeatures = -1;

        LabelledParse(CsvLines lines, String source, String name, Options options) {
            this.lines = lines;
            this.source = source;
            this.name = name;
            this.options = options == null ? Options.DEFAULT : options;
        }

        Dataset parse() throws IOException {
            CsvLines.Line line = lines.next();
            if (line == null) {
                throw new BadInputException(source, "holds no rows");
            }
            if (isDescriptor(line.cells())) {
                declaredRows = Integer.parseInt(line.cells()[0]);
                declaredFeatures = Integer.parseInt(line.cells()[1]);
                declaredClasses = List.of(line.cells()).subList(2, line.cells().length);
                line = lines.next();
            } else {
                String[] first = line.cells();
                int label = labelIndex(first.length, List.of());
                boolean header = IntStream.range(0, first.length)
                        .anyMatch(j -> j != label && CsvLines.isName(first[j]));
                if (header) {
                    this.header = List.of(first);
                    line = lines.next();
                }
            }
            if (line == null) {
                throw new BadInputException(source, "holds no data rows");
            }
            int cols = line.cells().length;
            if (cols < 2) {
                throw new BadInputException(source, "line " + line.number() + " has " + cols
                        + " cell; a labelled data set needs at least one feature and a label");
            }
            if (declaredFeatures >= 0 && declaredFeatures != cols - 1) {
                throw new BadInputException(source, "the first line declares " + declaredFeatures
                        + " features but line " + line.number() + " has " + cols + " cells (expected "
                        + (declaredFeatures + 1) + ": the features and the label)");
            }
            checkHeaderWidth(source, header, line);
            int labelColumn = labelIndex(cols, header);
            List<float[]> rows = new ArrayList<>();
            List<String> labelCells = new ArrayList<>();
            List<Integer> lineNumbers = new ArrayList<>();
            for (; line != null; line = lines.next()) {
                checkWidth(source, line, cols);
                float[] row = new float[cols - 1];
                String[] cells = line.cells();
                for (int j = 0, k = 0; j < cols; j++) {
                    if (j == labelColumn) {
                        continue;
                    }
                    row[k++] = CsvLines.number(source, line, j, header.isEmpty() ? null : header.get(j), cells[j]);
                }
                if (cells[labelColumn].isEmpty()) {
                    throw new BadInputException(source, "line " + line.number() + ", column " + (labelColumn + 1)
                            + ": the label is empty");
                }
                rows.add(row);
                labelCells.add(cells[labelColumn]);
                lineNumbers.add(line.number());
            }
            if (declaredRows >= 0 && declaredRows != rows.size()) {
                throw new BadInputException(source, "the first line declares " + declaredRows + " rows but the file holds "
                        + rows.size());
            }
            Labels labels = labels(labelCells, lineNumbers, labelColumn);
            return new Dataset(name, new int[] {cols - 1}, concat(rows, cols - 1), labels.indices, labels.classes);
        }

        private int labelIndex(int cols, List<String> headerNames) {
            String spec = options.labelColumn();
            if (spec == null) {
                return cols - 1;
            }
            int index;
            try {
                index = Integer.parseInt(spec.strip());
            } catch (NumberFormatException e) {
                int named = headerNames.indexOf(spec);
                if (named < 0) {
                    if (headerNames.isEmpty()) {
                        return cols - 1; // decided again once the header is known
                    }
                    throw new BadInputException(source, "has no column named \"" + spec + "\" (columns: "
                            + String.join(", ", headerNames) + ")");
                }
                return named;
            }
            int resolved = index < 0 ? cols + index : index;
            if (resolved < 0 || resolved >= cols) {
                throw new BadInputException(source, "label column " + index + " does not exist (the rows have " + cols
                        + " columns, 0.." + (cols - 1) + ")");
            }
            return resolved;
        }

        private record Labels(int[] indices, List<String> classes) {
        }

        private Labels labels(List<String> cells, List<Integer> lineNumbers, int column) {
            boolean integers = cells.stream().allMatch(CsvReader::isInteger);
            int[] indices = new int[cells.size()];
            if (declaredClasses != null) {
                for (int i = 0; i < indices.length; i++) {
                    String cell = cells.get(i);
                    int index = integers ? (int) Double.parseDouble(cell) : declaredClasses.indexOf(cell);
                    if (index < 0 || index >= declaredClasses.size()) {
                        throw new BadInputException(source, "line " + lineNumbers.get(i) + ", column " + (column + 1)
                                + ": label \"" + CsvLines.abbreviate(cell) + "\" is not one of the " + declaredClasses.size()
                                + " classes the first line names (" + String.join(", ", declaredClasses) + ")");
                    }
                    indices[i] = index;
                }
                return new Labels(indices, declaredClasses);
            }
            if (integers && cells.stream().allMatch(c -> Double.parseDouble(c) >= 0)) {
                int max = 0;
                for (int i = 0; i < indices.length; i++) {
                    indices[i] = (int) Double.parseDouble(cells.get(i));
                    if (indices[i] >= Dataset.MAX_CLASSES) {
                        throw new BadInputException(source, "line " + lineNumbers.get(i) + ", column " + (column + 1)
                                + ": label " + indices[i] + " would make " + ((long) indices[i] + 1)
                                + " classes; InfoPrune handles at most " + Dataset.MAX_CLASSES
                                + " (integer labels are class indices 0..k-1)");
                    }
                    max = Math.max(max, indices[i]);
                }
                return new Labels(indices, IntStream.rangeClosed(0, max).mapToObj(Integer::toString).toList());
            }
            long distinct = cells.stream().distinct().count();
            if (distinct > Dataset.MAX_CLASSES) {
                throw new BadInputException(source, "column " + (column + 1) + " holds " + distinct
                        + " different labels; InfoPrune handles at most " + Dataset.MAX_CLASSES + " classes");
            }
            Map<String, Integer> classIndex = new TreeMap<>();
            if (integers) {
                new TreeSet<>(cells.stream().map(c -> (long) Double.parseDouble(c)).toList())
                        .forEach(v -> classIndex.put(Long.toString(v), classIndex.size()));
                for (int i = 0; i < indices.length; i++) {
                    indices[i] = classIndex.get(Long.toString((long) Double.parseDouble(cells.get(i))));
                }
                List<String> names = new ArrayList<>(classIndex.keySet());
                names.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
                return new Labels(indices, names);
            }
            new TreeSet<>(cells).forEach(c -> classIndex.put(c, classIndex.size()));
            for (int i = 0; i < indices.length; i++) {
                indices[i] = classIndex.get(cells.get(i));
            }
            return new Labels(indices, new ArrayList<>(classIndex.keySet()));
        }
    }

    private static boolean isDescriptor(String[] cells) {
        if (cells.length < 4 || !isCount(cells[0]) || !isCount(cells[1])) {
            return false;
        }
        for (int j = 2; j < cells.length; j++) {
            if (CsvLines.isNumber(cells[j]) || cells[j].isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCount(String cell) {
        return !cell.isEmpty() && cell.length() < 10 && cell.chars().allMatch(Character::isDigit);
    }

    private static boolean isInteger(String cell) {
        if (!CsvLines.isNumber(cell)) {
            return false;
        }
        double v = Double.parseDouble(cell);
        return v == Math.rint(v) && Math.abs(v) < 1e9;
    }

    private static void checkHeaderWidth(String source, List<String> header, CsvLines.Line firstRow) {
        if (!header.isEmpty() && header.size() != firstRow.cells().length) {
            throw new BadInputException(source, "the header names " + header.size() + " columns but line "
                    + firstRow.number() + " has " + firstRow.cells().length + " cells");
        }
    }

    private static void checkWidth(String source, CsvLines.Line line, int cols) {
        if (line.cells().length != cols) {
            throw new BadInputException(source, "line " + line.number() + " has " + line.cells().length
                    + " cells but the rows before it have " + cols);
        }
    }

    private static float[] concat(List<float[]> rows, int cols) {
        float[] out = new float[rows.size() * cols];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, out, i * cols, cols);
        }
        return out;
    }

    private static BufferedReader reader(InputStream in) throws IOException {
        return new BufferedReader(new InputStreamReader(InputStreams.maybeGunzip(in), StandardCharsets.UTF_8), 1 << 16);
    }

    private static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, "is a folder, not a CSV file");
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "file not found", e);
        }
    }

    /** The file name without {@code .gz} and {@code .csv}. */
    static String nameOf(Path file) {
        String n = file.getFileName().toString();
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            n = n.substring(0, n.length() - 4);
        }
        return n;
    }
}
