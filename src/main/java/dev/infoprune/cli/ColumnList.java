package dev.infoprune.cli;

import dev.infoprune.core.BadInputException;

import java.util.ArrayList;
import java.util.List;

/** Zero-based column lists like {@code 0,3-5}. */
final class ColumnList {
    private ColumnList() {
    }

    static int[] parse(String option, String text, int columns) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                int dash = p.indexOf('-', 1);
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
                if (from < 0 || to < from) {
                    throw new BadInputException(option, "'" + p + "' is not a column range (zero-based, like 0,3-5)");
                }
                for (int c = from; c <= to; c++) {
                    if (c >= columns) {
                        throw new BadInputException(option, "column " + c + " does not exist; the file has " + columns
                                + " columns (0-" + (columns - 1) + ")");
                    }
                    out.add(c);
                }
            } catch (NumberFormatException e) {
                throw new BadInputException(option, "'" + p + "' is not a column index or range (zero-based, like 0,3-5)");
            }
        }
        if (out.isEmpty()) {
            throw new BadInputException(option, "names no columns");
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
