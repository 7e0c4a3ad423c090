package cn.gd.xueshi.shared.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the rows a reader finds, cell by cell: keeps only the named columns, drops blank rows
 * at once and stops the read as soon as there are more rows than a sheet may have, so that neither a
 * file of empty lines nor one of endless columns is held in memory.
 */
public final class SheetRows {

    private final int maxRows;
    private final String tooMany;
    private final List<SheetRow> rows = new ArrayList<>();
    private final String[] cells;
    private boolean overflow;

    /** Rows of {@code columns} cells, at most {@code maxRows} of them (the header included); more refuse the file with {@code tooMany}. */
    public SheetRows(int columns, int maxRows, String tooMany) {
        this.cells = new String[columns];
        this.maxRows = maxRows;
        this.tooMany = tooMany;
    }

    void put(int column, String text) {
        if (column < cells.length) {
            cells[column] = text;
        } else if (!text.isBlank()) {
            overflow = true;
        }
    }

    void end(int number) throws SheetException {
        List<String> row = Arrays.stream(cells).map(c -> c == null ? "" : c).toList();
        boolean extra = overflow;
        Arrays.fill(cells, null);
        overflow = false;
        if (!extra && row.stream().allMatch(String::isBlank)) {
            return;
        }
        if (rows.size() == maxRows) {
            throw new SheetException(tooMany);
        }
        rows.add(new SheetRow(number, row, extra));
    }

    public List<SheetRow> rows() {
        return rows;
    }
}
