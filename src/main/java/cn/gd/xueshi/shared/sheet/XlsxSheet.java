package cn.gd.xueshi.shared.sheet;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the first worksheet of an .xlsx with the JDK alone. The first sheet is the first
 * {@code <sheet>} of {@code xl/workbook.xml}, found through {@code xl/_rels/workbook.xml.rels}, or
 * {@code xl/worksheets/sheet1.xml} when those do not name one. Cells are placed by their {@code r}
 * reference (cells and rows may be missing); shared strings (rich text runs joined, phonetic runs
 * left out), inline strings, formula results, numbers as written, and booleans as TRUE/FALSE.
 * Excel's {@code _xHHHH_} escapes are decoded, so a control character typed into a cell reaches the
 * row rules. No DTD is allowed in any part, so no entity can be declared, let alone fetched.
 */
final class XlsxSheet {

    static final int MAX_SHARED_STRINGS = 100_000;

    private static final String WORKBOOK = "xl/workbook.xml";
    private static final String RELATIONS = "xl/_rels/workbook.xml.rels";
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    private static final String FALLBACK_SHEET = "xl/worksheets/sheet1.xml";
    private static final int MAX_COLUMN = 16_384;
    private static final int MAX_ROW = 1_048_576;
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private XlsxSheet() {
    }

    static void read(byte[] body, SheetRows rows) throws SheetException {
        Map<String, byte[]> parts = ZipParts.read(body,
                name -> name.equals(RELATIONS) || (name.startsWith("xl/") && name.endsWith(".xml")));
        String sheet = firstSheet(parts);
        byte[] strings = parts.get(SHARED_STRINGS);
        List<String> shared = strings == null ? List.of() : sharedStrings(strings);
        cells(sheet, parts.get(sheet), shared, rows);
    }

    private static String firstSheet(Map<String, byte[]> parts) throws SheetException {
        byte[] workbook = parts.get(WORKBOOK);
        byte[] relations = parts.get(RELATIONS);
        if (workbook != null && relations != null) {
            String id = firstSheetRelation(workbook);
            String target = id == null ? null : relationTarget(relations, id);
            String path = target == null ? null : resolve(target);
            if (path != null && parts.containsKey(path)) {
                return path;
            }
        }
        if (parts.containsKey(FALLBACK_SHEET)) {
            return FALLBACK_SHEET;
        }
        throw new SheetException("无法读取 .xlsx：文件里找不到工作表。");
    }

    private static String firstSheetRelation(byte[] workbook) throws SheetException {
        XMLStreamReader xml = open(WORKBOOK, workbook);
        try {
            while (next(WORKBOOK, xml) != XMLStreamConstants.END_DOCUMENT) {
                if (xml.isStartElement() && xml.getLocalName().equals("sheet")) {
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        String namespace = xml.getAttributeNamespace(i);
                        if (xml.getAttributeLocalName(i).equals("id") && namespace != null && !namespace.isEmpty()) {
                            return xml.getAttributeValue(i);
                        }
                    }
                    return null;
                }
            }
            return null;
        } finally {
            close(xml);
        }
    }

    private static String relationTarget(byte[] relations, String id) throws SheetException {
        XMLStreamReader xml = open(RELATIONS, relations);
        try {
            while (next(RELATIONS, xml) != XMLStreamConstants.END_DOCUMENT) {
                if (xml.isStartElement() && xml.getLocalName().equals("Relationship")
                        && id.equals(xml.getAttributeValue(null, "Id"))) {
                    return xml.getAttributeValue(null, "Target");
                }
            }
            return null;
        } finally {
            close(xml);
        }
    }

    /** A relationship target is relative to {@code xl/}, or absolute from the package root. */
    static String resolve(String target) {
        Deque<String> path = new ArrayDeque<>();
        if (!target.startsWith("/")) {
            path.add("xl");
        }
        for (String segment : target.split("/")) {
            if (segment.equals("..")) {
                path.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                path.add(segment);
            }
        }
        return String.join("/", path);
    }

    static List<String> sharedStrings(byte[] part) throws SheetException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader xml = open(SHARED_STRINGS, part);
        try {
            StringBuilder item = null;
            int phonetic = 0;
            boolean inText = false;
            for (int event = next(SHARED_STRINGS, xml); event != XMLStreamConstants.END_DOCUMENT; event = next(SHARED_STRINGS, xml)) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> item = new StringBuilder();
                        case "rPh" -> phonetic++;
                        case "t" -> inText = item != null && phonetic == 0;
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "t" -> inText = false;
                        case "rPh" -> phonetic--;
                        case "si" -> {
                            if (item != null) {
                                if (strings.size() == MAX_SHARED_STRINGS) {
                                    throw new SheetException("无法读取 .xlsx：共享字符串超过 " + MAX_SHARED_STRINGS + " 个。");
                                }
                                strings.add(unescape(item.toString()));
                                item = null;
                            }
                        }
                        default -> { }
                    }
                } else if (inText && isText(event)) {
                    item.append(xml.getText());
                }
            }
            return strings;
        } finally {
            close(xml);
        }
    }

    private static void cells(String name, byte[] part, List<String> shared, SheetRows rows) throws SheetException {
        XMLStreamReader xml = open(name, part);
        try {
            boolean inRow = false;
            int row = 0;
            int column = -1;
            String type = "n";
            StringBuilder value = new StringBuilder();
            StringBuilder inline = new StringBuilder();
            boolean inValue = false;
            boolean inInline = false;
            boolean inText = false;
            int phonetic = 0;
            for (int event = next(name, xml); event != XMLStreamConstants.END_DOCUMENT; event = next(name, xml)) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            row = rowNumber(xml.getAttributeValue(null, "r"), row + 1);
                            column = -1;
                            inRow = true;
                        }
                        case "c" -> {
                            column = column(xml.getAttributeValue(null, "r"), column + 1);
                            String t = xml.getAttributeValue(null, "t");
                            type = t == null ? "n" : t;
                            value.setLength(0);
                            inline.setLength(0);
                        }
                        case "v" -> inValue = true;
                        case "is" -> inInline = true;
                        case "rPh" -> phonetic++;
                        case "t" -> inText = inInline && phonetic == 0;
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            if (inRow) {
                                rows.end(row);
                            }
                            inRow = false;
                        }
                        case "c" -> {
                            if (inRow) {
                                rows.put(column, text(type, value.toString(), inline.toString(), shared));
                            }
                        }
                        case "v" -> inValue = false;
                        case "is" -> inInline = false;
                        case "rPh" -> phonetic--;
                        case "t" -> inText = false;
                        default -> { }
                    }
                } else if (isText(event)) {
                    if (inValue) {
                        value.append(xml.getText());
                    } else if (inText) {
                        inline.append(xml.getText());
                    }
                }
            }
        } finally {
            close(xml);
        }
    }

    private static String text(String type, String value, String inline, List<String> shared) throws SheetException {
        switch (type) {
            case "s" -> {
                try {
                    return shared.get(Integer.parseInt(value.strip()));
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    throw new SheetException("无法读取 .xlsx：单元格引用了不存在的共享字符串“" + SheetRow.shown(value) + "”。");
                }
            }
            case "inlineStr" -> {
                return unescape(inline);
            }
            case "str" -> {
                return unescape(value);
            }
            case "b" -> {
                return switch (value.strip()) {
                    case "1" -> "TRUE";
                    case "0" -> "FALSE";
                    default -> value;
                };
            }
            default -> {
                return value;
            }
        }
    }

    private static int rowNumber(String r, int next) throws SheetException {
        if (r == null) {
            return next;
        }
        int number = digits(r, 0);
        if (number < 1 || number > MAX_ROW) {
            throw new SheetException("无法读取 .xlsx：工作表里的行号“" + SheetRow.shown(r) + "”无效。");
        }
        return number;
    }

    /** The zero-based column of a reference such as {@code B2}. */
    private static int column(String r, int next) throws SheetException {
        if (r == null) {
            return next;
        }
        int column = 0;
        int i = 0;
        while (i < r.length() && i < 4 && r.charAt(i) >= 'A' && r.charAt(i) <= 'Z') {
            column = column * 26 + (r.charAt(i) - 'A' + 1);
            i++;
        }
        if (i == 0 || column > MAX_COLUMN || digits(r, i) < 1) {
            throw new SheetException("无法读取 .xlsx：工作表里的单元格位置“" + SheetRow.shown(r) + "”无效。");
        }
        return column - 1;
    }

    /** The number written from {@code from} to the end of {@code s}; -1 when there is none or it is too long. */
    private static int digits(String s, int from) {
        if (from >= s.length() || s.length() - from > 7) {
            return -1;
        }
        int number = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    /** Excel writes a character XML cannot hold as {@code _xHHHH_}, and an underscore that would look like one as {@code _x005F_}. */
    static String unescape(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        Matcher m = ESCAPE.matcher(text);
        return m.replaceAll(match -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(match.group(1), 16))));
    }

    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE;
    }

    private static XMLStreamReader open(String name, byte[] part) throws SheetException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            return factory.createXMLStreamReader(new ByteArrayInputStream(part));
        } catch (XMLStreamException e) {
            throw broken(name);
        }
    }

    private static int next(String name, XMLStreamReader xml) throws SheetException {
        int event;
        try {
            event = xml.next();
        } catch (XMLStreamException e) {
            throw broken(name);
        }
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new SheetException("无法读取 .xlsx：" + SheetRow.shown(name) + " 含有 DTD 或实体声明，出于安全原因拒绝读取。");
        }
        return event;
    }

    private static SheetException broken(String name) {
        return new SheetException("无法读取 .xlsx：" + SheetRow.shown(name) + " 不是有效的 XML。");
    }

    private static void close(XMLStreamReader xml) {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // nothing is held open: the part is a byte array
        }
    }
}
