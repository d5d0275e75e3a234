package dev.nabla.nn.io;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    @Test
    void parsesEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2, 3.5, 1e3, 12345678901234567890], \"b\": {\"c\": true, \"d\": false, "
                + "\"e\": null}, \"s\": \"q\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"}\r\n");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of(1L, -2L, new BigDecimal("3.5"), new BigDecimal("1e3"),
                new BigDecimal("12345678901234567890")), m.get("a"));
        Map<?, ?> b = (Map<?, ?>) m.get("b");
        assertEquals(Boolean.TRUE, b.get("c"));
        assertEquals(Boolean.FALSE, b.get("d"));
        assertSame(Json.NULL, b.get("e"));
        assertEquals("q\"\\/\b\f\n\r\té\uD83D\uDE00", m.get("s"));
        assertEquals(List.of("a", "b", "s"), List.copyOf(m.keySet()));
    }

    @Test
    void quotesAsSerdeJsonDoes() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001/é\"", Json.quote("a\"b\\c\n\t\u0001/é"));
    }

    @Test
    void rejectsWhatRfc8259Rejects() {
        assertRejected("{\"a\":1,}", "unexpected character '}', expected a string key at character 7");
        assertRejected("[1,]", "unexpected character ']', expected a value");
        assertRejected("{'a':1}", "expected a string key");
        assertRejected("01", "unexpected character '1' after the JSON value");
        assertRejected("1.", "expected a digit after '.'");
        assertRejected("-", "invalid number: expected a digit");
        assertRejected("NaN", "expected a value");
        assertRejected("{\"a\":1,\"a\":2}", "duplicate key \"a\"");
        assertRejected("\"tab\there\"", "unescaped control character U+0009");
        assertRejected("\"\\ud83d\"", "lone leading surrogate");
        assertRejected("\"\\ude00\"", "lone trailing surrogate");
        assertRejected("\"\\x41\"", "invalid escape '\\x'");
        assertRejected("\"open", "unterminated string");
        assertRejected("{} {}", "after the JSON value");
        assertRejected("[".repeat(100) + "]".repeat(100), "nesting deeper than 64 levels");
        assertRejected("\u00a0{}", "unexpected character U+00A0");
        assertRejected("tru", "expected a value");
    }

    private static void assertRejected(String text, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
