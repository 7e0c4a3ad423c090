package cn.gd.xueshi.shared.sheet;

/**
 * Reads an uploaded table, .xlsx or CSV, into rows. An .xlsx is recognised by its bytes (a ZIP,
 * {@code PK\3\4}) and read from its first worksheet; anything else is read as CSV (RFC 4180; UTF-8
 * with or without BOM, else GB18030). An .xls or other binary file is refused as a whole.
 */
public final class SheetFile {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private SheetFile() {
    }

    public static void read(byte[] body, SheetRows rows) throws SheetException {
        if (startsWith(body, ZIP)) {
            XlsxSheet.read(body, rows);
        } else if (startsWith(body, OLE2)) {
            throw new SheetException("这是旧版 Excel（.xls）或加密的工作簿，请在 Excel 中另存为 .xlsx 或 CSV 后再上传。");
        } else {
            CsvSheet.read(body, rows);
        }
    }

    private static boolean startsWith(byte[] body, byte[] magic) {
        if (body.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (body[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
