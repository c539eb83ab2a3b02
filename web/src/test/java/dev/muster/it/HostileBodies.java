package dev.muster.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Malformed and hostile request bodies, generated from a seed (so a failure can be replayed): each takes a valid
 * body of an endpoint and breaks it one way — a field of the wrong type, a huge string, deep nesting, bytes that are
 * not UTF-8, negative or overflowing numbers, path traversal and control characters in names, truncation, garbage.
 */
final class HostileBodies {

    private static final List<String> NASTY_STRINGS = List.of("../../../../etc/passwd", "..\\..\\windows\\win.ini",
            "/etc/shadow", "C:\\Windows\\System32", "%2e%2e%2f%2e%2e%2f", "\u0000", "a\u0000b", "\r\nX-Injected: 1",
            "<script>alert(1)</script>", "'; drop table jobs; --", "${jndi:ldap://127.0.0.1/x}", "#{7*7}", "\uD800",
            "\uFEFF", "\u202E", "💥", "", " ", "-1", "NaN", "null", "true", "{}", "[]");
    private static final List<String> NASTY_NUMBERS = List.of("-1", "-2147483649", "2147483648", "9223372036854775808",
            "-9223372036854775809", "1e400", "-0", "0.5", "1E2", "NaN", "Infinity", "0x10", "00012", "\"12\"", "1.7976931348623157E309");

    private final Random random;

    HostileBodies(long seed) {
        this.random = new Random(seed);
    }

    /** A broken version of {@code valid}, a flat JSON object given as field → JSON value text. */
    byte[] next(Map<String, String> valid) {
        List<Function<Map<String, String>, byte[]>> ways = List.of(
                this::wrongType, this::nastyString, this::nastyNumber, this::hugeString, this::deepNesting,
                this::invalidUtf8, this::truncated, this::garbage, this::extraFields, this::nullField, this::notAnObject);
        return ways.get(random.nextInt(ways.size())).apply(valid);
    }

    private byte[] wrongType(Map<String, String> valid) {
        List<String> values = List.of("[]", "{}", "true", "null", "\"text\"", "12", "[1,2,3]", "{\"a\":{}}", "-7.5");
        return object(valid, pick(new ArrayList<>(valid.keySet())), pick(values));
    }

    private byte[] nastyString(Map<String, String> valid) {
        return object(valid, pick(new ArrayList<>(valid.keySet())), quote(pick(NASTY_STRINGS)));
    }

    private byte[] nastyNumber(Map<String, String> valid) {
        return object(valid, pick(new ArrayList<>(valid.keySet())), pick(NASTY_NUMBERS));
    }

    /** Up to 2 MiB in one string: past the API's field limits, not (all) past the body limit. */
    private byte[] hugeString(Map<String, String> valid) {
        int length = random.nextInt(4) == 0 ? 2 * 1024 * 1024 : 1 + random.nextInt(100_000);
        return object(valid, pick(new ArrayList<>(valid.keySet())), quote("x".repeat(length)));
    }

    private byte[] deepNesting(Map<String, String> valid) {
        int depth = random.nextInt(2) == 0 ? 1_000 : 100_000;
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return object(valid, pick(new ArrayList<>(valid.keySet())), open.repeat(depth) + "1" + close.repeat(depth));
    }

    private byte[] invalidUtf8(Map<String, String> valid) {
        byte[] body = object(valid, pick(new ArrayList<>(valid.keySet())), "\"\u00e9t\u00e9\"");
        byte[][] junk = {{(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}};
        byte[] bad = junk[random.nextInt(junk.length)];
        int at = 1 + random.nextInt(body.length - 1);
        byte[] broken = new byte[body.length + bad.length];
        System.arraycopy(body, 0, broken, 0, at);
        System.arraycopy(bad, 0, broken, at, bad.length);
        System.arraycopy(body, at, broken, at + bad.length, body.length - at);
        return broken;
    }

    private byte[] truncated(Map<String, String> valid) {
        byte[] body = object(valid, null, null);
        return java.util.Arrays.copyOf(body, random.nextInt(body.length));
    }

    private byte[] garbage(Map<String, String> valid) {
        byte[] bytes = new byte[random.nextInt(2_000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] extraFields(Map<String, String> valid) {
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(2_000); i++) {
            extra.append(",\"f").append(i).append("\":").append(pick(List.of("1", "\"x\"", "[]", "{}", "null")));
        }
        String body = new String(object(valid, null, null), StandardCharsets.UTF_8);
        return (body.substring(0, body.length() - 1) + extra + "}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] nullField(Map<String, String> valid) {
        return object(valid, pick(new ArrayList<>(valid.keySet())), "null");
    }

    private byte[] notAnObject(Map<String, String> valid) {
        return pick(List.of("[]", "null", "\"job\"", "42", "", "{", "}", "{\"a\":1,\"a\":2}", "[{}]", "<xml/>"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The valid object with {@code field} set to {@code value} (a JSON text); null field: unchanged. */
    private static byte[] object(Map<String, String> valid, String field, String value) {
        StringBuilder json = new StringBuilder("{");
        valid.forEach((name, original) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(name)).append(':').append(name.equals(field) ? value : original);
        });
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
