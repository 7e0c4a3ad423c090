package cn.gd.xueshi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormFieldsTest {

    private static FormFields parse(String body) {
        return FormFields.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(String body) {
        return assertThrows(ProblemException.class, () -> parse(body)).type();
    }

    @Test
    void aBrowsersFormDecodesToItsFieldsInOrder() {
        FormFields form = parse("csrf=abc&username=%E5%AD%A6%E4%B9%A0+one&q12=3&q12=4&empty=&bare&&next=%2Fme%2Fhours");
        assertEquals("abc", form.first("csrf"));
        assertEquals("学习 one", form.first("username"));
        assertEquals(Map.of("csrf", List.of("abc"), "username", List.of("学习 one"), "q12", List.of("3", "4"), "empty", List.of(""),
                "bare", List.of(""), "next", List.of("/me/hours")), form.all());
        assertEquals(List.of("csrf", "username", "q12", "empty", "bare", "next"), List.copyOf(form.all().keySet()));
        assertNull(form.first("missing"));
        assertEquals(Map.of(), parse("").all());
        assertEquals("学", parse("a=学").first("a"), "raw UTF-8 bytes are read as UTF-8");
    }

    @Test
    void brokenPercentEncodingAnywhereRefusesTheWholeForm() {
        for (String body : List.of("%", "a=%", "a=%Z", "a=%ZZ&b", "csrf=%ZZ", "a=1&b=%4", "%ZZ=1", "a=%-1", "a=%C3%28", "a=%ED%A0%80",
                "a=%C0%80", "a=%FF")) {
            assertEquals("malformed-encoding", refusal(body), body);
        }
    }

    @Test
    void controlCharactersAreRefusedLikeInJson() {
        for (String body : List.of("a=%00", "a=x%00y", "%00=1", "a=%1B", "a=%7F")) {
            assertEquals("invalid-text", refusal(body), body);
        }
        assertEquals("a\tb\r\nc", parse("a=a%09b%0D%0Ac").first("a"));
    }
}
