package cn.gd.xueshi.media;

import static cn.gd.xueshi.media.Mp4Bytes.concat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import cn.gd.xueshi.media.MediaProbe.Probe;
import cn.gd.xueshi.media.MediaProbe.Refusal;

/**
 * Whatever bytes an editor uploads, the probe answers a video with a positive duration or a refusal:
 * never another exception, never a hang, and never more than its byte budget read.
 */
class MediaProbeProperties {

    private static final List<byte[]> SAMPLES = samples();

    private static List<byte[]> samples() {
        try {
            return List.of(
                    Files.readAllBytes(MediaProbeTest.lesson("ai-1")),
                    Mp4Bytes.mp4(90_000, 2_161_899),
                    concat(Mp4Bytes.ftyp(), Mp4Bytes.box("mdat", new byte[300]), Mp4Bytes.moov(Mp4Bytes.mvhd(1, 48_000, 1_153_008))),
                    WebmBytes.webm(WebmBytes.info(WebmBytes.uint(WebmBytes.TIMECODE_SCALE, 1_000_000),
                            WebmBytes.f64(WebmBytes.DURATION, 24_021.0))),
                    concat(WebmBytes.header("webm"), WebmBytes.unknownSize(WebmBytes.SEGMENT, WebmBytes.seekHead(),
                            WebmBytes.info(WebmBytes.f32(WebmBytes.DURATION, 9_000f)), WebmBytes.tracks(), WebmBytes.cluster())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A change to a file: overwrite bytes, cut it short, or insert bytes. */
    record Mutation(int kind, int at, byte[] bytes) {
        byte[] apply(byte[] file) {
            int i = Math.floorMod(at, file.length + 1);
            return switch (kind) {
                case 0 -> {
                    byte[] out = file.clone();
                    for (int k = 0; k < bytes.length && i + k < out.length; k++) {
                        out[i + k] = bytes[k];
                    }
                    yield out;
                }
                case 1 -> Arrays.copyOf(file, i);
                default -> concat(Arrays.copyOf(file, i), bytes, Arrays.copyOfRange(file, i, file.length));
            };
        }
    }

    private static final Gen<Byte> BYTE = Generate.oneOf(Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0),
            Generate.pick(List.of((byte) 0, (byte) 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF)));

    private static final Gen<byte[]> SMALL_BYTES = Generate.byteArrays(Generate.range(0, 16), BYTE);

    private static final Gen<Mutation> MUTATION = Generate.range(0, 2)
            .zip(Generate.range(0, Integer.MAX_VALUE), SMALL_BYTES, Mutation::new);

    /** The start of a box or element the probe goes on reading, so random tails get past the first check. */
    private static final Gen<byte[]> MAGIC = Generate.pick(List.of(new byte[0], concat(new byte[] {0, 0, 0, 32}, Mp4Bytes.ascii("ftyp")),
            new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}, WebmBytes.header("webm")));

    private static void probeAnswersWithinBudget(byte[] bytes) {
        FakeObject file = FakeObject.of(bytes);
        try {
            Probe p = MediaProbe.probe(file);
            assertTrue(p.durationMs() > 0, "duration " + p.durationMs());
            assertTrue(p.contentType().equals("video/mp4") || p.contentType().equals("video/webm"), p.contentType());
        } catch (Refusal r) {
            assertTrue(!r.getMessage().isBlank());
        } catch (IOException e) {
            throw new AssertionError("a reader over memory cannot fail", e);
        }
        assertTrue(file.bytesRead <= MediaProbe.MAX_BYTES_READ, "read " + file.bytesRead);
        assertTrue(file.reads <= 3 * MediaProbe.MAX_STEPS + 10, "reads " + file.reads);
    }

    @Test
    void arbitraryBytesYieldAVideoOrARefusal() {
        qt().withExamples(5_000).forAll(MAGIC, Generate.byteArrays(Generate.range(0, 600), BYTE))
                .checkAssert((magic, tail) -> probeAnswersWithinBudget(concat(magic, tail)));
    }

    @Test
    void mutatedSamplesYieldAVideoOrARefusal() {
        qt().withExamples(3_000).forAll(Generate.range(0, SAMPLES.size() - 1), MUTATION, MUTATION)
                .checkAssert((sample, first, second) -> probeAnswersWithinBudget(second.apply(first.apply(SAMPLES.get(sample)))));
    }

    @Test
    void singleByteChangesInTheHeadersOfSamplesYieldAVideoOrARefusal() {
        // the headers are where a flipped byte changes a size or an id; ai-1's movie box is 13 kB, so stay in the first 400 bytes
        qt().withExamples(5_000).forAll(Generate.range(0, SAMPLES.size() - 1), Generate.range(0, 399), BYTE)
                .checkAssert((sample, at, value) -> {
                    byte[] file = SAMPLES.get(sample).clone();
                    file[at % file.length] = value;
                    probeAnswersWithinBudget(file);
                });
    }
}
