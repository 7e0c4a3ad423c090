package cn.gd.xueshi.shared.sheet;

import java.util.List;

/**
 * One non-blank row of a sheet as text: the named columns (missing cells as empty strings), and
 * whether anything non-blank stands to the right of them.
 */
public record SheetRow(int number, List<String> cells, boolean overflow) {

    public String cell(int column) {
        return cells.get(column);
    }

    /** A cell's text fit to quote in a message: at most 40 characters, invisible ones as '?'. */
    public static String shown(String text) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length(); count++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (count == 40) {
                return out.append('…').toString();
            }
            boolean invisible = Character.isISOControl(c) || (c <= Character.MAX_VALUE && Character.isSurrogate((char) c));
            out.appendCodePoint(invisible ? '?' : c);
        }
        return out.toString();
    }
}
