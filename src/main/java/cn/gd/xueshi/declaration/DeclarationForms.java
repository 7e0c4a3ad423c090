package cn.gd.xueshi.declaration;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import cn.gd.xueshi.hours.Activity;
import cn.gd.xueshi.hours.Category;
import cn.gd.xueshi.shared.ProblemException;

/**
 * Reads a declaration from a multipart body (the API's and the page's): the fields, and the files
 * under {@code evidence}. A field that is not what it should be (a date that is no date, a category
 * that does not exist) is a 400 naming it; what the values mean is {@link DeclarationRules}' business.
 */
final class DeclarationForms {

    static final String FILES = "evidence";
    private static final int MAX_FIELD_BYTES = 16 * 1024;

    private DeclarationForms() {
    }

    /** The form, its files, the CSRF field, and the copies this reader made (to delete when the request is done). */
    record Parsed(DeclarationRules.Form form, List<DeclarationService.Upload> files, String csrf, List<Path> copies) {

        /** Deletes the copies; the HTTP layer deletes its own upload files itself. */
        void discardCopies() {
            for (Path copy : copies) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    io.quarkus.logging.Log.warnf("could not delete %s: %s", copy, e.getMessage());
                }
            }
        }
    }

    static Parsed read(MultipartFormDataInput input) {
        Map<String, Collection<FormValue>> values = input == null ? Map.of() : input.getValues();
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, Collection<FormValue>> field : values.entrySet()) {
            if (!FILES.equals(field.getKey()) && field.getValue().size() > 1) {
                throw ProblemException.badRequest("invalid-fields", "表单字段“" + field.getKey() + "”出现了多次。");
            }
        }
        Integer year = parse(values, "year", "申报年度", bad, s -> Integer.valueOf(ascii(s, "[0-9]{4}")));
        Category category = parse(values, "category", "学时类别", bad, Category::valueOf);
        Activity activity = parse(values, "activity", "学习形式", bad, Activity::valueOf);
        LocalDate started = parse(values, "startedOn", "开始日期", bad, s -> LocalDate.parse(ascii(s, "[0-9]{4}-[0-9]{2}-[0-9]{2}")));
        LocalDate ended = parse(values, "endedOn", "结束日期", bad, s -> LocalDate.parse(ascii(s, "[0-9]{4}-[0-9]{2}-[0-9]{2}")));
        BigDecimal quantity = parse(values, "quantity", "数量", bad, s -> new BigDecimal(ascii(s, "[0-9]{1,6}(\\.[0-9]{1,6})?")));
        if (!bad.isEmpty()) {
            throw ProblemException.badRequest("invalid-fields", "以下内容格式不正确：" + String.join("、", bad) + "。")
                    .withRefusals(bad.stream().map(label -> label + "格式不正确。").toList());
        }
        DeclarationRules.Form form = new DeclarationRules.Form(year, category, activity, text(values, "title"), text(values, "organiser"),
                started, ended, quantity);
        List<DeclarationService.Upload> files = new ArrayList<>();
        List<Path> copies = new ArrayList<>();
        for (FormValue v : values.getOrDefault(FILES, List.of())) {
            if (!v.isFileItem()) {
                throw ProblemException.badRequest("invalid-fields", "证明材料应以文件上传。");
            }
            try {
                long size = v.getFileItem().getFileSize();
                String name = v.getFileName();
                if (size == 0 && (name == null || name.isEmpty())) {
                    continue; // a file input left empty
                }
                if (name != null && name.indexOf('\uFFFD') >= 0) {
                    throw ProblemException.badRequest("bad-encoding", "文件名不是有效的 UTF-8 文本，请改名后重新上传。");
                }
                files.add(new DeclarationService.Upload(name, onDisk(v, copies), size));
            } catch (IOException e) {
                throw ProblemException.badRequest("unreadable-file", "无法读取上传的文件，请重新上传。");
            }
        }
        return new Parsed(form, files, text(values, "csrf"), copies);
    }

    /** The text when it is wholly of the pattern (ASCII digits only: no full-width digits, signs or exponents). */
    private static String ascii(String text, String pattern) {
        if (!text.matches(pattern)) {
            throw new IllegalArgumentException(text);
        }
        return text;
    }

    /** The part's file; a part the HTTP layer kept in memory is copied to a file noted in {@code copies}. */
    private static Path onDisk(FormValue v, List<Path> copies) throws IOException {
        Path file = v.getFileItem().getFile();
        if (file != null) {
            return file;
        }
        Path copy = Files.createTempFile("xueshi-evidence", ".bin");
        copies.add(copy);
        v.getFileItem().write(copy);
        return copy;
    }

    private static String text(Map<String, Collection<FormValue>> values, String name) {
        Collection<FormValue> vs = values.get(name);
        if (vs == null || vs.isEmpty()) {
            return null;
        }
        FormValue v = vs.iterator().next();
        if (!v.isFileItem()) {
            // bytes that are not UTF-8 arrive decoded as U+FFFD: refused, never stored garbled
            if (v.getValue() != null && v.getValue().indexOf('\uFFFD') >= 0) {
                throw ProblemException.badRequest("bad-encoding", "表单字段“" + name + "”不是有效的 UTF-8 文本。");
            }
            return v.getValue();
        }
        if (v.getFileName() != null && !v.getFileName().isEmpty()) {
            return null;
        }
        // a field sent with a content type of its own arrives as a nameless file: read it as UTF-8 text
        try (java.io.InputStream in = v.getFileItem().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (bytes.length > MAX_FIELD_BYTES) {
                throw ProblemException.badRequest("invalid-fields", "表单字段“" + name + "”过长。");
            }
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ProblemException.badRequest("invalid-fields", "表单字段“" + name + "”不是有效的 UTF-8 文本。");
        } catch (IOException e) {
            throw ProblemException.badRequest("invalid-fields", "无法读取表单字段“" + name + "”。");
        }
    }

    private static <T> T parse(Map<String, Collection<FormValue>> values, String name, String label, List<String> bad,
            java.util.function.Function<String, T> parser) {
        String raw = text(values, name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return parser.apply(raw.strip());
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            bad.add(label);
            return null;
        }
    }
}
