package cn.gd.xueshi.shared.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unzips the parts of an archive held in memory, with bounds a zip bomb cannot get past: every entry
 * is inflated here, counted as it goes (a skipped entry too, since skipping inflates it all the same),
 * and the read stops at the first entry too many or byte too many.
 */
final class ZipParts {

    static final int MAX_ENTRIES = 1_000;
    static final int MAX_ENTRY_BYTES = 20 * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;

    private static final String BROKEN = "无法读取 .xlsx：文件已损坏，或不是 Excel 工作簿。";

    private ZipParts() {
    }

    /** The entries whose names {@code wanted} accepts, by name. */
    static Map<String, byte[]> read(byte[] zipped, Predicate<String> wanted) throws SheetException {
        Map<String, byte[]> parts = new HashMap<>();
        byte[] buffer = new byte[8192];
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new SheetException("无法读取 .xlsx：压缩包里的文件超过 " + MAX_ENTRIES + " 个。");
                }
                boolean keep = wanted.test(entry.getName());
                if (keep && parts.containsKey(entry.getName())) {
                    throw new SheetException(BROKEN);
                }
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                long size = 0;
                for (int n = zip.read(buffer); n != -1; n = zip.read(buffer)) {
                    size += n;
                    total += n;
                    if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
                        throw new SheetException("无法读取 .xlsx：解压后内容过大（疑似压缩炸弹）。");
                    }
                    if (keep) {
                        kept.write(buffer, 0, n);
                    }
                }
                if (keep) {
                    parts.put(entry.getName(), kept.toByteArray());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid in its declared encoding
            throw new SheetException(BROKEN);
        }
        if (entries == 0) {
            throw new SheetException(BROKEN);
        }
        return parts;
    }
}
