package cn.gd.xueshi.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CaptionsTest {

    private static final String VALID = """
            WEBVTT

            1
            00:00.000 --> 00:04.500
            欢迎学习本课程。

            00:01:04.500 --> 00:01:08.000 align:start line:90%
            第二条字幕
            """;

    private static String refusal(String text) {
        return Captions.refusal(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWebvttFileWithCuesIsAccepted() {
        assertNull(refusal(VALID));
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsAccepted() {
        assertNull(refusal("\uFEFF" + VALID));
    }

    @Test
    void aHeaderWithATitleAndWindowsLineEndsIsAccepted() {
        assertNull(refusal("WEBVTT - 第一课\r\n\r\n00:00.000 --> 00:02.000\r\n你好\r\n"));
    }

    @Test
    void hoursOfMoreThanTwoDigitsAreAccepted() {
        assertNull(refusal("WEBVTT\n\n100:00:00.000 --> 100:00:02.000\n长\n"));
    }

    @Test
    void aFileWithoutTheWebvttHeaderIsRefused() {
        assertEquals("字幕文件必须以 “WEBVTT” 开头（WebVTT 格式）。", refusal("1\n00:00:00,000 --> 00:00:02,000\n这是 SRT\n"));
    }

    @Test
    void aHeaderRunOnIntoOtherTextIsRefused() {
        assertEquals("字幕文件必须以 “WEBVTT” 开头（WebVTT 格式）。", refusal("WEBVTTX\n\n00:00.000 --> 00:02.000\n你好\n"));
    }

    @Test
    void anEmptyFileIsRefused() {
        assertEquals("字幕文件必须以 “WEBVTT” 开头（WebVTT 格式）。", refusal(""));
    }

    @Test
    void binaryJunkIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', (byte) 0xC0, (byte) 0xFF};
        assertEquals("字幕文件必须是 UTF-8 编码的 WebVTT 文件。", Captions.refusal(png));
    }

    @Test
    void textInAnotherEncodingThanUtf8IsRefused() {
        byte[] gbk = {'W', 'E', 'B', 'V', 'T', 'T', '\n', '\n', (byte) 0xC4, (byte) 0xE3, (byte) 0xBA, (byte) 0xC3, '\n'};
        assertEquals("字幕文件必须是 UTF-8 编码的 WebVTT 文件。", Captions.refusal(gbk));
    }

    @Test
    void aNulByteIsRefused() {
        assertEquals("字幕文件含有不允许的字符。", refusal("WEBVTT\n\n00:00.000 --> 00:02.000\n你\0好\n"));
    }

    @Test
    void aFileWithoutCuesIsRefused() {
        assertEquals("字幕文件没有任何字幕条目。", refusal("WEBVTT\n\nNOTE 还没有字幕\n"));
    }

    @Test
    void srtStyleCommasInATimestampAreRefused() {
        assertEquals("字幕时间格式不正确：“00:00:00,000 --> 00:00:02,000”。", refusal("WEBVTT\n\n00:00:00,000 --> 00:00:02,000\n你好\n"));
    }

    @Test
    void sixtyMinutesOrSecondsAreRefused() {
        assertEquals("字幕时间格式不正确：“00:60.000 --> 01:00.000”。", refusal("WEBVTT\n\n00:60.000 --> 01:00.000\n你好\n"));
    }

    @Test
    void aLongBadCueLineIsQuotedInSixtyCharactersNeverHalfAnEmoji() {
        String line = "00:00.000 --> x" + "😀".repeat(80);
        assertEquals("字幕时间格式不正确：“00:00.000 --> x" + "😀".repeat(45) + "…”。", refusal("WEBVTT\n\n" + line + "\n"));
    }
}
