package cn.gd.xueshi.shared.sheet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads CSV as RFC 4180 has it: comma separated, fields in double quotes may hold commas, line breaks
 * and doubled quotes; records end in CRLF, LF or CR. Text is UTF-8 (with or without a byte order mark),
 * or GB18030 when the bytes are not UTF-8, as Excel in China saves "CSV (逗号分隔)". A row number is
 * the record's place in the file, so a line break inside quotes does not shift the rows below it.
 */
final class CsvSheet {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvSheet() {
    }

    static void read(byte[] body, SheetRows rows) throws SheetException {
        parse(decode(body), rows);
    }

    static String decode(byte[] body) throws SheetException {
        if (body.length >= 2 && ((body[0] == (byte) 0xFF && body[1] == (byte) 0xFE) || (body[0] == (byte) 0xFE && body[1] == (byte) 0xFF))) {
            throw new SheetException("文件是 UTF-16 编码的文本，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再上传。");
        }
        for (byte b : body) {
            if (b == 0) {
                throw new SheetException("无法读取：文件不是 CSV 文本，也不是 .xlsx 工作簿。");
            }
        }
        String text;
        try {
            text = strictly(StandardCharsets.UTF_8, body);
        } catch (CharacterCodingException notUtf8) {
            try {
                text = strictly(GB18030, body);
            } catch (CharacterCodingException notGb) {
                throw new SheetException("无法识别文件的文字编码，请保存为 UTF-8 或 GB18030（GBK）编码的 CSV，或 .xlsx。");
            }
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String strictly(Charset charset, byte[] body) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body)).toString();
    }

    static void parse(String text, SheetRows rows) throws SheetException {
        int n = text.length();
        int i = 0;
        int row = 1;
        int column = 0;
        StringBuilder field = new StringBuilder();
        while (i < n) {
            field.setLength(0);
            if (text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new SheetException("第 " + row + " 行有未闭合的双引号（\"），请检查该行。");
                    }
                    char c = text.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < n && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
            }
            // unquoted text, or whatever follows a closing quote, up to the next comma or line end
            while (i < n && !isBreak(text.charAt(i))) {
                field.append(text.charAt(i++));
            }
            rows.put(column++, field.toString());
            if (i < n && text.charAt(i) == ',') {
                i++;
                if (i == n) {
                    rows.put(column, "");
                }
                continue;
            }
            if (i < n && text.charAt(i++) == '\r' && i < n && text.charAt(i) == '\n') {
                i++;
            }
            rows.end(row++);
            column = 0;
        }
        if (column > 0) {
            rows.end(row);
        }
    }

    private static boolean isBreak(char c) {
        return c == ',' || c == '\r' || c == '\n';
    }
}
