package cn.gd.xueshi.media;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Whether a file is WebVTT captions a browser will show as a track: the rule, from the bytes. */
public final class Captions {

    private static final Pattern CUE = Pattern.compile(
            "^(\\d{2,}:)?[0-5]\\d:[0-5]\\d\\.\\d{3}[ \\t]+-->[ \\t]+(\\d{2,}:)?[0-5]\\d:[0-5]\\d\\.\\d{3}([ \\t].*)?$");

    private Captions() {
    }

    /** Null when the bytes are acceptable captions, otherwise why not (in Chinese). */
    public static String refusal(byte[] vtt) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(vtt)).toString();
        } catch (CharacterCodingException e) {
            return "字幕文件必须是 UTF-8 编码的 WebVTT 文件。";
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            return "字幕文件含有不允许的字符。";
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (!lines[0].matches("WEBVTT([ \\t].*)?")) {
            return "字幕文件必须以 “WEBVTT” 开头（WebVTT 格式）。";
        }
        int cues = 0;
        for (String line : lines) {
            if (line.contains("-->")) {
                if (!CUE.matcher(line).matches()) {
                    return "字幕时间格式不正确：“" + shortened(line) + "”。";
                }
                cues++;
            }
        }
        return cues > 0 ? null : "字幕文件没有任何字幕条目。";
    }

    /** At most 60 characters of a line, never cutting a character in two. */
    private static String shortened(String line) {
        return line.codePointCount(0, line.length()) > 60 ? line.substring(0, line.offsetByCodePoints(0, 60)) + "…" : line;
    }
}
