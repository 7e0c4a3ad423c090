package cn.gd.xueshi.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import cn.gd.xueshi.media.MediaProbe;
import cn.gd.xueshi.media.RangeReader;

/**
 * Reads {@code content/<year>/catalog.yaml} with its guides, lesson files and question banks, checks
 * them, and hashes every course so that an import can tell unchanged content from a new version.
 */
public final class ContentReader {

    private static final Set<String> KINDS = Set.of("SINGLE", "MULTIPLE", "TRUE_FALSE");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ContentReader() {
    }

    public static ContentPlan read(Path root) {
        List<ContentPlan.YearPlan> years = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                Path manifest = dir.resolve("catalog.yaml");
                if (Files.isRegularFile(manifest)) {
                    years.add(readYear(dir, YAML.readValue(manifest.toFile(), ContentManifest.Year.class)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read content under " + root, e);
        }
        return new ContentPlan(years);
    }

    private static ContentPlan.YearPlan readYear(Path dir, ContentManifest.Year year) throws IOException {
        require(year.year() >= 2011 && year.year() <= 2100, dir + ": year out of range");
        require(year.subjects() != null && !year.subjects().isEmpty(), dir + ": no subjects");
        List<ContentPlan.SubjectPlan> subjects = new ArrayList<>();
        for (ContentManifest.SubjectEntry s : year.subjects()) {
            require(s.code() != null && s.title() != null && s.guide() != null, dir + ": subject needs code, title and guide");
            String guide = Files.readString(dir.resolve(s.guide()), StandardCharsets.UTF_8);
            List<ContentPlan.CoursePlan> courses = new ArrayList<>();
            for (ContentManifest.CourseEntry c : s.courses()) {
                courses.add(readCourse(dir, c));
            }
            Digest d = new Digest().add(s.title()).add(guide);
            subjects.add(new ContentPlan.SubjectPlan(s.code(), s.title(), guide, d.hex(), courses));
        }
        String title = year.title() != null ? year.title() : year.year() + " 年度公需科目";
        return new ContentPlan.YearPlan(year.year(), title, subjects);
    }

    private static ContentPlan.CoursePlan readCourse(Path dir, ContentManifest.CourseEntry c) throws IOException {
        String where = dir + ": course " + c.code();
        require(c.code() != null && c.title() != null, where + " needs code and title");
        require(c.hours() != null && c.hours().compareTo(BigDecimal.ZERO) > 0, where + " needs positive hours");
        require(c.lessons() != null && !c.lessons().isEmpty(), where + " has no lessons");
        require(c.questions() != null, where + " has no question bank");
        boolean demo = Boolean.TRUE.equals(c.demo());
        Digest d = new Digest().add(c.title()).add(c.hours().stripTrailingZeros().toPlainString()).add(demo ? "demo" : "");
        List<ContentPlan.LessonPlan> lessons = new ArrayList<>();
        for (ContentManifest.LessonEntry l : c.lessons()) {
            Path file = dir.resolve(l.file());
            require(Files.isRegularFile(file), where + ": missing lesson file " + l.file());
            String sha = sha256(file);
            // what the file is and how long it runs come from its bytes, as for an editor's upload
            MediaProbe.Probe probe;
            try {
                probe = MediaProbe.probe(RangeReader.of(file));
            } catch (MediaProbe.Refusal r) {
                throw new IllegalArgumentException("content: " + where + ": lesson file " + l.file() + ": " + r.getMessage());
            }
            require(l.durationSeconds() == null || Math.abs(l.durationSeconds() * 1000L - probe.durationMs()) < 1000,
                    where + ": lesson file " + l.file() + " runs " + probe.durationMs() + " ms, not the " + l.durationSeconds()
                            + " s its entry says");
            int durationMs = probe.durationMs();
            String type = probe.contentType();
            String ext = type.equals("video/webm") ? ".webm" : ".mp4";
            lessons.add(new ContentPlan.LessonPlan(l.title(), file, "lessons/" + sha + ext, type, Files.size(file), durationMs));
            d.add(l.title()).add(sha).add(String.valueOf(durationMs));
        }
        List<ContentManifest.QuestionEntry> questions = YAML.readValue(dir.resolve(c.questions()).toFile(),
                new TypeReference<List<ContentManifest.QuestionEntry>>() { });
        require(!questions.isEmpty(), where + ": empty question bank");
        for (ContentManifest.QuestionEntry q : questions) {
            require(KINDS.contains(q.kind()), where + ": question kind must be SINGLE, MULTIPLE or TRUE_FALSE");
            long correct = q.options().stream().filter(ContentManifest.OptionEntry::correct).count();
            require(correct >= 1 && (!q.kind().equals("MULTIPLE") ? correct == 1 : true),
                    where + ": question \"" + q.text() + "\" has a wrong number of correct options");
            require(!q.kind().equals("TRUE_FALSE") || q.options().size() == 2, where + ": true/false needs two options");
            d.add(q.kind()).add(q.text());
            q.options().forEach(o -> d.add(o.text()).add(String.valueOf(o.correct())));
        }
        return new ContentPlan.CoursePlan(c.code(), c.title(), c.hours(), d.hex(), lessons, questions, demo);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("content: " + message);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = sha();
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Digest {
        private final MessageDigest md = sha();

        Digest add(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            md.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            md.update((byte) ':');
            md.update(bytes);
            return this;
        }

        String hex() {
            return HexFormat.of().formatHex(md.digest());
        }
    }
}
