package dev.infoprune.data;

import dev.infoprune.core.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-blank lines of a delimited text file split into cells, with their 1-based line numbers. Cells may be
 * double-quoted (a doubled quote inside stands for one quote); a quoted cell cannot span lines. The delimiter
 * is the first of comma, semicolon and tab found on the first line.
 */
final class CsvLines {
    record Line(int number, String[] cells) {
    }

    private final BufferedReader reader;
    private final String source;
    private int lineNumber;
    private char delimiter;

    CsvLines(BufferedReader reader, String source) {
        this.reader = reader;
        this.source = source;
    }

    /** The next non-blank line, or null at the end. */
    Line next() throws IOException {
        String text;
        do {
            text = reader.readLine();
            if (text == null) {
                return null;
            }
            lineNumber++;
            if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
        } while (text.isBlank());
        if (delimiter == 0) {
            delimiter = text.indexOf(',') >= 0 ? ',' : text.indexOf(';') >= 0 ? ';' : text.indexOf('\t') >= 0 ? '\t' : ',';
        }
        return new Line(lineNumber, split(text));
    }

    private String[] split(String text) {
        if (text.indexOf('"') < 0) {
            List<String> cells = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == delimiter) {
                    cells.add(text.substring(start, i).strip());
                    start = i + 1;
                }
            }
            cells.add(text.substring(start).strip());
            return cells.toArray(String[]::new);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new BadInputException(source, "line " + lineNumber + ": a quoted cell is not closed");
        }
        cells.add(cell.toString().strip());
        return cells.toArray(String[]::new);
    }

    static boolean isNumber(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char c = cell.charAt(cell.length() - 1);
        if (!(Character.isDigit(c) || c == '.')) {
            return false;
        }
        try {
            return Double.isFinite(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * True for a cell that is meant as a number but is not a finite one ({@code NaN}, {@code inf},
     * {@code -Infinity}, {@code 1e999}): such a cell makes a row a data row with a bad value, never a header.
     */
    static boolean isNonFiniteNumber(String cell) {
        String c = cell.toLowerCase(java.util.Locale.ROOT);
        if (c.startsWith("+") || c.startsWith("-")) {
            c = c.substring(1);
        }
        if (c.equals("nan") || c.equals("inf") || c.equals("infinity")) {
            return true;
        }
        try {
            return !Double.isFinite(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** True for a cell that could name a column (or is empty): not a number of any kind. */
    static boolean isName(String cell) {
        return !isNumber(cell) && !isNonFiniteNumber(cell);
    }

    /**
     * The cell as a float, or a message naming the file, line and column (1-based) when it is not a number or
     * not a finite float32 (NaN, infinities and values beyond ±3.4e38 are refused: they would poison every
     * statistic and weight computed from the file).
     */
    static float number(String source, Line line, int column, String columnName, String cell) {
        String where = "line " + line.number() + ", column " + (column + 1)
                + (columnName == null ? "" : " (" + columnName + ")") + ": ";
        if (cell.isEmpty()) {
            throw new BadInputException(source, where + "the cell is empty (expected a number)");
        }
        if (isNonFiniteNumber(cell)) {
            boolean nan = cell.toLowerCase(java.util.Locale.ROOT).replaceFirst("^[+-]", "").equals("nan");
            throw new BadInputException(source, where + "\"" + abbreviate(cell) + "\" is not " + (nan ? "a number" : "a finite number"));
        }
        if (!isNumber(cell)) {
            throw new BadInputException(source, where + "\"" + abbreviate(cell) + "\" is not a number");
        }
        float v = (float) Double.parseDouble(cell);
        if (Float.isInfinite(v)) {
            throw new BadInputException(source, where + "\"" + abbreviate(cell)
                    + "\" is beyond the float32 range (largest magnitude 3.4e38)");
        }
        return v;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
