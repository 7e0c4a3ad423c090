package cn.gd.xueshi.media;

import static cn.gd.xueshi.media.Mp4Bytes.ascii;
import static cn.gd.xueshi.media.Mp4Bytes.box;
import static cn.gd.xueshi.media.Mp4Bytes.concat;
import static cn.gd.xueshi.media.Mp4Bytes.ftyp;
import static cn.gd.xueshi.media.Mp4Bytes.moov;
import static cn.gd.xueshi.media.Mp4Bytes.mvhd;
import static cn.gd.xueshi.media.Mp4Bytes.u32;
import static cn.gd.xueshi.media.Mp4Bytes.u64;
import static cn.gd.xueshi.media.WebmBytes.CLUSTER;
import static cn.gd.xueshi.media.WebmBytes.DURATION;
import static cn.gd.xueshi.media.WebmBytes.SEGMENT;
import static cn.gd.xueshi.media.WebmBytes.TIMECODE_SCALE;
import static cn.gd.xueshi.media.WebmBytes.VOID;
import static cn.gd.xueshi.media.WebmBytes.cluster;
import static cn.gd.xueshi.media.WebmBytes.el;
import static cn.gd.xueshi.media.WebmBytes.f32;
import static cn.gd.xueshi.media.WebmBytes.f64;
import static cn.gd.xueshi.media.WebmBytes.header;
import static cn.gd.xueshi.media.WebmBytes.info;
import static cn.gd.xueshi.media.WebmBytes.seekHead;
import static cn.gd.xueshi.media.WebmBytes.tracks;
import static cn.gd.xueshi.media.WebmBytes.uint;
import static cn.gd.xueshi.media.WebmBytes.unknownSize;
import static cn.gd.xueshi.media.WebmBytes.webm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import cn.gd.xueshi.media.MediaProbe.Probe;
import cn.gd.xueshi.media.MediaProbe.Refusal;

class MediaProbeTest {

    static final String[] LESSONS = {"ai-1", "ai-2", "data-1", "data-2", "gba-1", "gba-2"};
    /** Where the movie box of every shipped lesson ends: ftyp 0–32, moov 32–13 505, then free and mdat. */
    static final int LESSON_MOOV_END = 13_505;
    static final String NOT_A_VIDEO = "文件不是 MP4 或 WebM 视频。";
    static final String NO_WEBM_DURATION = "WebM 文件缺少时长信息（可能是直播录制的文件），请转码后再上传。";

    static byte[] repeat(byte[] bytes, int times) {
        byte[][] copies = new byte[times][];
        Arrays.fill(copies, bytes);
        return concat(copies);
    }

    static Path lesson(String name) {
        return Path.of("content/2026/lessons/" + name + ".mp4");
    }

    static Probe probe(byte[] bytes) throws Refusal, IOException {
        return MediaProbe.probe(FakeObject.of(bytes));
    }

    static String refusal(RangeReader in) {
        return assertThrows(Refusal.class, () -> MediaProbe.probe(in)).getMessage();
    }

    static String refusal(byte[] bytes) {
        return refusal(FakeObject.of(bytes));
    }

    // ---- MP4 ---------------------------------------------------------------------------------

    @Test
    void everyShippedLessonIsAnMp4OfExactlyTwentyFourSeconds() throws Exception {
        for (String name : LESSONS) {
            assertEquals(new Probe("video/mp4", 24_000), MediaProbe.probe(RangeReader.of(lesson(name))), name);
        }
    }

    @Test
    void aShippedLessonIsJudgedFromAFewHundredBytes() throws Exception {
        FakeObject file = FakeObject.of(Files.readAllBytes(lesson("ai-1")));
        MediaProbe.probe(file);
        assertTrue(file.bytesRead <= 100, "read " + file.bytesRead);
    }

    @Test
    void theMovieHeaderVersionZeroGivesMillisecondsRoundedDown() throws Exception {
        assertEquals(new Probe("video/mp4", 24_021), probe(Mp4Bytes.mp4(90_000, 2_161_899)));
    }

    @Test
    void theMovieHeaderVersionOneCarriesA64BitDuration() throws Exception {
        byte[] file = concat(ftyp(), moov(mvhd(1, 48_000, 1_153_008)), box("mdat", new byte[100]));
        assertEquals(new Probe("video/mp4", 24_021), probe(file));
    }

    @Test
    void theMovieHeaderIsFoundAmongOtherBoxesInTheMovieBox() throws Exception {
        byte[] file = concat(ftyp(), moov(box("udta", new byte[40]), box("iods", new byte[16]), mvhd(0, 1_000, 5_000)));
        assertEquals(new Probe("video/mp4", 5_000), probe(file));
    }

    @Test
    void aMovieBoxAfterTheMediaDataIsFound() throws Exception {
        byte[] file = concat(ftyp(), box("free", new byte[0]), box("mdat", new byte[50_000]), moov(mvhd(0, 600, 3_600)));
        assertEquals(new Probe("video/mp4", 6_000), probe(file));
    }

    @Test
    void aLastBoxOfSizeZeroRunsToTheEndOfTheFile() throws Exception {
        byte[] moov = moov(mvhd(0, 1_000, 7_000));
        byte[] file = concat(ftyp(), concat(u32(0), ascii("moov")), Arrays.copyOfRange(moov, 8, moov.length));
        assertEquals(new Probe("video/mp4", 7_000), probe(file));
    }

    @Test
    void aTwoGigabyteMp4WithTheMovieBoxAtTheEndIsProbedFromUnderAKilobyte() throws Exception {
        long mdatSize = 2L * 1024 * 1024 * 1024 + 16; // over 4 GiB would also do: the size is 64-bit
        byte[] head = concat(ftyp(), u32(1), ascii("mdat"), u64(mdatSize));
        byte[] moov = moov(mvhd(0, 1_000, 5_400_000), box("trak", new byte[500]));
        long moovAt = ftyp().length + mdatSize;
        FakeObject file = FakeObject.sparse(moovAt + moov.length).put(0, head).put(moovAt, moov);
        assertEquals(new Probe("video/mp4", 5_400_000), MediaProbe.probe(file));
        assertTrue(file.bytesRead < 1_024, "read " + file.bytesRead);
        assertEquals(6, file.reads); // the first bytes, ftyp, mdat, moov, mvhd and its fields
    }

    @Test
    void aLargesizeBeyondTheEndIsRefused() {
        byte[] file = concat(ftyp(), u32(1), ascii("mdat"), u64(Long.MAX_VALUE), new byte[64]);
        assertEquals("MP4 文件已损坏或不完整（盒子越界）。", refusal(file));
    }

    @Test
    void aNegativeLargesizeIsRefused() {
        byte[] file = concat(ftyp(), u32(1), ascii("mdat"), u64(-8), new byte[64]);
        assertEquals("MP4 文件已损坏或不完整（盒子越界）。", refusal(file));
    }

    @Test
    void aBoxSmallerThanItsHeaderIsRefused() {
        byte[] file = concat(ftyp(), u32(7), ascii("free"), moov(mvhd(0, 1_000, 7_000)));
        assertEquals("MP4 文件已损坏或不完整（盒子越界）。", refusal(file));
    }

    @Test
    void aBoxRunningPastTheEndIsRefused() {
        byte[] file = concat(ftyp(), u32(1_000), ascii("moov"), mvhd(0, 1_000, 7_000));
        assertEquals("MP4 文件已损坏或不完整（盒子越界）。", refusal(file));
    }

    @Test
    void aMovieHeaderTooShortForItsFieldsIsRefused() {
        byte[] file = concat(ftyp(), moov(box("mvhd", new byte[12])), box("free", new byte[100]));
        assertEquals("MP4 文件已损坏（时长信息不完整）。", refusal(file));
    }

    @Test
    void anMp4WithoutAMovieBoxIsRefused() {
        assertEquals("MP4 文件缺少时长信息（没有 moov 盒子），可能未上传完整。", refusal(concat(ftyp(), box("mdat", new byte[100]))));
    }

    @Test
    void aMovieBoxWithoutAMovieHeaderIsRefused() {
        assertEquals("MP4 文件缺少时长信息（没有 mvhd 盒子）。", refusal(concat(ftyp(), moov(box("trak", new byte[10])))));
    }

    @Test
    void aZeroTimescaleIsRefused() {
        assertEquals("MP4 文件的时间刻度为 0，无法得到时长。", refusal(Mp4Bytes.mp4(0, 24_000)));
    }

    @Test
    void aZeroDurationIsRefused() {
        assertEquals("视频时长为 0，无法播放。", refusal(Mp4Bytes.mp4(1_000, 0)));
    }

    @Test
    void aDurationUnderOneMillisecondCountsAsZero() {
        assertEquals("视频时长为 0，无法播放。", refusal(Mp4Bytes.mp4(90_000, 89)));
    }

    @Test
    void anUnknownDurationOfAllOnesIsRefused() {
        assertEquals("视频缺少时长信息，请转码后再上传。", refusal(Mp4Bytes.mp4(90_000, 0xFFFF_FFFFL)));
        assertEquals("视频缺少时长信息，请转码后再上传。", refusal(concat(ftyp(), moov(mvhd(1, 90_000, -1)))));
    }

    @Test
    void aDurationBeyondTheMillisecondsAnIntHoldsIsRefused() {
        assertEquals("视频时长不合理。", refusal(Mp4Bytes.mp4(1, 2_147_484)));
        assertEquals("视频时长不合理。", refusal(concat(ftyp(), moov(mvhd(1, 1, Long.MAX_VALUE / 10)))));
    }

    @Test
    void theLongestDurationAnIntHoldsIsAccepted() throws Exception {
        assertEquals(new Probe("video/mp4", Integer.MAX_VALUE), probe(Mp4Bytes.mp4(1_000, Integer.MAX_VALUE)));
    }

    @Test
    void theWalkGivesUpAfterTenThousandBoxes() {
        byte[] file = concat(ftyp(), repeat(box("free"), MediaProbe.MAX_STEPS), moov(mvhd(0, 1_000, 7_000)));
        assertEquals("MP4 文件缺少时长信息（没有 moov 盒子），可能未上传完整。", refusal(file));
    }

    @Test
    void theWalkInsideTheMovieBoxGivesUpAfterTenThousandBoxes() {
        byte[] file = concat(ftyp(), moov(repeat(box("free"), MediaProbe.MAX_STEPS), mvhd(0, 1_000, 7_000)));
        assertEquals("MP4 文件缺少时长信息（没有 mvhd 盒子）。", refusal(file));
    }

    @Test
    void manyBoxesAtTwoLevelsAreRefusedOnceTheByteBudgetIsSpent() {
        FakeObject file = FakeObject.of(concat(ftyp(), repeat(box("free"), 9_000),
                moov(repeat(box("free"), 9_000), mvhd(0, 1_000, 7_000))));
        assertEquals("视频文件结构异常（元素过多），无法读取时长。", refusal(file));
        assertTrue(file.bytesRead <= MediaProbe.MAX_BYTES_READ, "read " + file.bytesRead);
    }

    // ---- WebM --------------------------------------------------------------------------------

    @Test
    void aWebmWithAFloat64DurationInMillisecondTicksGivesItsDuration() throws Exception {
        byte[] file = webm(info(uint(TIMECODE_SCALE, 1_000_000), f64(DURATION, 24_021.0)));
        assertEquals(new Probe("video/webm", 24_021), probe(file));
    }

    @Test
    void aWebmFloat32DurationIsReadToo() throws Exception {
        assertEquals(new Probe("video/webm", 7_500), probe(webm(info(uint(TIMECODE_SCALE, 1_000_000), f32(DURATION, 7_500f)))));
    }

    @Test
    void theTimecodeScaleDefaultsToOneMillisecond() throws Exception {
        assertEquals(new Probe("video/webm", 12_345), probe(webm(info(f64(DURATION, 12_345.0)))));
    }

    @Test
    void aFinerTimecodeScaleIsAppliedAndTheResultRounded() throws Exception {
        // 480 425 ticks of 50 µs = 24 021.25 ms; 480 431 ticks = 24 021.55 ms
        assertEquals(new Probe("video/webm", 24_021), probe(webm(info(uint(TIMECODE_SCALE, 50_000), f64(DURATION, 480_425.0)))));
        assertEquals(new Probe("video/webm", 24_022), probe(webm(info(uint(TIMECODE_SCALE, 50_000), f64(DURATION, 480_431.0)))));
    }

    @Test
    void aSegmentOfUnknownSizeIsScannedToTheInfo() throws Exception {
        byte[] file = concat(header("webm"), unknownSize(SEGMENT, seekHead(), info(f64(DURATION, 9_000.0)), tracks(), cluster()));
        assertEquals(new Probe("video/webm", 9_000), probe(file));
    }

    @Test
    void anInfoAfterASizedClusterIsFoundBySkippingTheCluster() throws Exception {
        byte[] file = concat(header("webm"), el(SEGMENT, seekHead(), tracks(), cluster(), el(VOID, new byte[30]),
                info(f64(DURATION, 9_000.0))));
        assertEquals(new Probe("video/webm", 9_000), probe(file));
    }

    @Test
    void anInfoAfterAClusterOfUnknownSizeCannotBeReachedAndIsRefused() {
        byte[] file = concat(header("webm"), unknownSize(SEGMENT, seekHead(), tracks(), unknownSize(CLUSTER, new byte[100]),
                info(f64(DURATION, 9_000.0))));
        assertEquals(NO_WEBM_DURATION, refusal(file));
    }

    @Test
    void aLiveWebmWithoutADurationIsRefused() {
        assertEquals(NO_WEBM_DURATION, refusal(webm(info(uint(TIMECODE_SCALE, 1_000_000)))));
    }

    @Test
    void aWebmWithoutInfoIsRefused() {
        assertEquals(NO_WEBM_DURATION, refusal(concat(header("webm"), el(SEGMENT, seekHead(), tracks(), cluster()))));
    }

    @Test
    void aZeroWebmDurationIsRefused() {
        assertEquals("视频时长为 0，无法播放。", refusal(webm(info(f64(DURATION, 0.0)))));
    }

    @Test
    void aNegativeOrNotANumberWebmDurationIsRefused() {
        assertEquals("视频时长不合理。", refusal(webm(info(f64(DURATION, -5.0)))));
        assertEquals("视频时长不合理。", refusal(webm(info(f64(DURATION, Double.NaN)))));
        assertEquals("视频时长不合理。", refusal(webm(info(f64(DURATION, Double.POSITIVE_INFINITY)))));
    }

    @Test
    void aZeroTimecodeScaleIsRefused() {
        assertEquals("WebM 文件的时间刻度不正确，无法得到时长。", refusal(webm(info(uint(TIMECODE_SCALE, 0), f64(DURATION, 9.0)))));
    }

    @Test
    void aMatroskaFileIsRefusedByItsDocType() {
        byte[] file = concat(header("matroska"), el(SEGMENT, info(f64(DURATION, 9_000.0)), tracks(), cluster()));
        assertEquals("只接受 WebM 视频，不接受其他 Matroska 文件（matroska）。", refusal(file));
    }

    @Test
    void anEbmlHeaderWithoutADocTypeIsRefused() {
        byte[] file = concat(el(WebmBytes.EBML, uint(0x4286, 1)), el(SEGMENT, info(f64(DURATION, 9_000.0))));
        assertEquals("只接受 WebM 视频，不接受其他 Matroska 文件（未知类型）。", refusal(file));
    }

    @Test
    void anEbmlHeaderNotFollowedByASegmentIsRefused() {
        assertEquals("WebM 文件已损坏（没有 Segment）。", refusal(concat(header("webm"), cluster())));
    }

    @Test
    void sizesOfEveryLengthFromOneToEightBytesAreRead() throws Exception {
        byte[] body = info(f64(DURATION, 9_000.0));
        for (int n = 1; n <= 8; n++) {
            byte[] size = new byte[n];
            long v = body.length;
            for (int i = n - 1; i >= 0; i--, v >>>= 8) {
                size[i] = (byte) v;
            }
            size[0] |= (byte) (0x80 >>> (n - 1));
            byte[] file = concat(header("webm"), WebmBytes.id(SEGMENT), size, body);
            assertEquals(new Probe("video/webm", 9_000), probe(file), n + "-byte size");
        }
    }

    @Test
    void theSegmentScanGivesUpAfterTenThousandElements() {
        byte[] file = concat(header("webm"), unknownSize(SEGMENT, repeat(el(VOID), MediaProbe.MAX_STEPS), info(f64(DURATION, 9.0))));
        assertEquals(NO_WEBM_DURATION, refusal(file));
    }

    @Test
    void manyElementsAtEveryLevelAreRefusedOnceTheByteBudgetIsSpent() {
        byte[] voids = repeat(el(VOID), 9_000);
        byte[] file = concat(el(WebmBytes.EBML, voids, WebmBytes.str(0x4282, "webm")),
                unknownSize(SEGMENT, voids, el(WebmBytes.INFO, voids, f64(DURATION, 9.0))));
        FakeObject object = FakeObject.of(file);
        assertEquals("视频文件结构异常（元素过多），无法读取时长。", refusal(object));
        assertTrue(object.bytesRead <= MediaProbe.MAX_BYTES_READ, "read " + object.bytesRead);
    }

    // ---- neither -----------------------------------------------------------------------------

    @Test
    void aPngNamedMp4IsRefused() {
        byte[] png = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, u32(13), ascii("IHDR"), new byte[17]);
        assertEquals(NOT_A_VIDEO, refusal(png));
    }

    @Test
    void aPdfNamedMp4IsRefused() {
        assertEquals(NOT_A_VIDEO, refusal(ascii("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")));
    }

    @Test
    void aTextFileNamedMp4IsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lesson.mp4");
        Files.writeString(file, "这不是视频，只是一段文字。\n");
        assertEquals(NOT_A_VIDEO, refusal(RangeReader.of(file)));
    }

    @Test
    void anEmptyFileIsRefused() {
        assertEquals(NOT_A_VIDEO, refusal(new byte[0]));
    }

    @Test
    void anMp4BoxOtherThanFtypFirstIsRefused() {
        assertEquals(NOT_A_VIDEO, refusal(concat(moov(mvhd(0, 1_000, 7_000)), ftyp())));
    }

    // ---- truncation --------------------------------------------------------------------------

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyPrefixOfAShippedLessonIsRefusedUntilItsMovieBoxIsWhole() throws Exception {
        for (String name : LESSONS) {
            FakeObject whole = FakeObject.of(Files.readAllBytes(lesson(name)));
            for (long n = 0; n <= whole.size(); n++) {
                FakeObject prefix = whole.prefix(n);
                if (n < LESSON_MOOV_END) {
                    assertThrows(Refusal.class, () -> MediaProbe.probe(prefix), name + " cut at " + n);
                } else {
                    assertEquals(new Probe("video/mp4", 24_000), MediaProbe.probe(prefix), name + " cut at " + n);
                }
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void everyPrefixOfASizedWebmIsRefused() throws Exception {
        byte[] file = webm(info(uint(TIMECODE_SCALE, 1_000_000), f64(DURATION, 24_021.0)));
        FakeObject whole = FakeObject.of(file);
        for (long n = 0; n < file.length; n++) {
            FakeObject prefix = whole.prefix(n);
            assertThrows(Refusal.class, () -> MediaProbe.probe(prefix), "cut at " + n);
        }
        assertEquals(new Probe("video/webm", 24_021), MediaProbe.probe(whole));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void everyPrefixOfAnUnknownSizeWebmIsRefusedUntilItsInfoIsWhole() throws Exception {
        byte[] before = concat(header("webm"), WebmBytes.id(SEGMENT), WebmBytes.UNKNOWN_SIZE, seekHead());
        byte[] info = info(f64(DURATION, 9_000.0));
        byte[] file = concat(before, info, tracks(), cluster());
        FakeObject whole = FakeObject.of(file);
        for (long n = 0; n <= file.length; n++) {
            FakeObject prefix = whole.prefix(n);
            if (n < before.length + info.length) {
                assertThrows(Refusal.class, () -> MediaProbe.probe(prefix), "cut at " + n);
            } else {
                assertEquals(new Probe("video/webm", 9_000), MediaProbe.probe(prefix), "cut at " + n);
            }
        }
    }
}
