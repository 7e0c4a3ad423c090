package cn.gd.xueshi.catalog.authoring;

import java.util.List;

/**
 * One non-blank row of a sheet as text: the nine named columns (missing cells as empty strings), and
 * whether anything non-blank stands to the right of them.
 */
record SheetRow(int number, List<String> cells, boolean overflow) {

    String cell(int column) {
        return cells.get(column);
    }
}
