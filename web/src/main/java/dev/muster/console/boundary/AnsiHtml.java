package dev.muster.console.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns terminal output into safe HTML: text is escaped, ANSI colour and bold (SGR) become spans with CSS classes,
 * every other escape sequence (cursor moves, erase line, window titles) is stripped. Colours do not carry over from
 * one call to the next: a chunk of log is rendered on its own, so a colour set in one chunk ends with it.
 */
public final class AnsiHtml {

    /** CSI sequences (ESC [ params final), OSC sequences (ESC ] … BEL or ESC \), two-character escapes, and a lone ESC. */
    private static final Pattern ESCAPE = Pattern.compile(
            "\u001B\\[([0-9;?]*)([@-~]|$)|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B[()#][0-9A-Za-z]|\u001B[@-Z\\\\-_]?");

    private AnsiHtml() {
    }

    public static String render(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        Style style = Style.PLAIN;
        boolean open = false;
        Matcher matcher = ESCAPE.matcher(text);
        int from = 0;
        while (matcher.find()) {
            appendEscaped(html, text, from, matcher.start());
            from = matcher.end();
            if ("m".equals(matcher.group(2))) {
                style = style.apply(matcher.group(1));
                if (open) {
                    html.append("</span>");
                }
                open = !style.isPlain();
                if (open) {
                    html.append("<span class=\"").append(style.cssClasses()).append("\">");
                }
            }
        }
        appendEscaped(html, text, from, text.length());
        if (open) {
            html.append("</span>");
        }
        return html.toString();
    }

    private static void appendEscaped(StringBuilder html, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }

    /** Foreground colour 0-15 (-1: default), background 0-15 (-1: default), bold. */
    record Style(int foreground, int background, boolean bold) {

        static final Style PLAIN = new Style(-1, -1, false);

        boolean isPlain() {
            return equals(PLAIN);
        }

        Style apply(String parameters) {
            Style style = this;
            for (int code : codes(parameters)) {
                style = switch (code) {
                    case 0 -> PLAIN;
                    case 1 -> new Style(style.foreground, style.background, true);
                    case 22 -> new Style(style.foreground, style.background, false);
                    case 39 -> new Style(-1, style.background, style.bold);
                    case 49 -> new Style(style.foreground, -1, style.bold);
                    default -> colour(style, code);
                };
            }
            return style;
        }

        private static Style colour(Style style, int code) {
            if (code >= 30 && code <= 37) {
                return new Style(code - 30, style.background, style.bold);
            }
            if (code >= 90 && code <= 97) {
                return new Style(code - 90 + 8, style.background, style.bold);
            }
            if (code >= 40 && code <= 47) {
                return new Style(style.foreground, code - 40, style.bold);
            }
            if (code >= 100 && code <= 107) {
                return new Style(style.foreground, code - 100 + 8, style.bold);
            }
            return style; // underline, 256 colours and the rest: shown plain
        }

        private static List<Integer> codes(String parameters) {
            List<Integer> codes = new ArrayList<>();
            if (parameters.isEmpty()) {
                codes.add(0);
            }
            for (String part : parameters.split(";")) {
                if (!part.isEmpty() && part.chars().allMatch(Character::isDigit) && part.length() < 4) {
                    codes.add(Integer.parseInt(part));
                }
            }
            return codes;
        }

        String cssClasses() {
            List<String> classes = new ArrayList<>();
            if (foreground >= 0) {
                classes.add("ansi-fg-" + foreground);
            }
            if (background >= 0) {
                classes.add("ansi-bg-" + background);
            }
            if (bold) {
                classes.add("ansi-bold");
            }
            return String.join(" ", classes);
        }
    }
}
