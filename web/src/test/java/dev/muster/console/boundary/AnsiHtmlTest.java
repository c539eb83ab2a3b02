package dev.muster.console.boundary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnsiHtmlTest {

    @Test
    void plainTextIsEscaped() {
        assertThat(AnsiHtml.render("<b>a & 'b'</b> \"c\"\n"))
                .isEqualTo("&lt;b&gt;a &amp; &#39;b&#39;&lt;/b&gt; &quot;c&quot;\n");
    }

    @Test
    void coloursAndBoldBecomeSpansUntilReset() {
        assertThat(AnsiHtml.render("\u001B[32mok\u001B[0m done"))
                .isEqualTo("<span class=\"ansi-fg-2\">ok</span> done");
        assertThat(AnsiHtml.render("\u001B[1;91mFAIL\u001B[m"))
                .isEqualTo("<span class=\"ansi-fg-9 ansi-bold\">FAIL</span>");
        assertThat(AnsiHtml.render("\u001B[31;42mx\u001B[39my"))
                .isEqualTo("<span class=\"ansi-fg-1 ansi-bg-2\">x</span><span class=\"ansi-bg-2\">y</span>");
    }

    @Test
    void aColourLeftOpenIsClosedAtTheEndOfTheChunk() {
        assertThat(AnsiHtml.render("\u001B[33mwarn")).isEqualTo("<span class=\"ansi-fg-3\">warn</span>");
    }

    @Test
    void otherEscapeSequencesAreStripped() {
        assertThat(AnsiHtml.render("\u001B[2K\u001B[1Gprogress\u001B[?25l")).isEqualTo("progress");
        assertThat(AnsiHtml.render("\u001B]0;window title\u0007text")).isEqualTo("text");
        assertThat(AnsiHtml.render("\u001B(Bplain\u001B")).isEqualTo("plain");
        assertThat(AnsiHtml.render("cut \u001B[3")).isEqualTo("cut ");
        assertThat(AnsiHtml.render("\u001B[38;5;208mextended\u001B[0m")).isEqualTo("extended");
    }

    @Test
    void escapedMarkupInsideColouredTextStaysText() {
        assertThat(AnsiHtml.render("\u001B[31m<script>\u001B[0m"))
                .isEqualTo("<span class=\"ansi-fg-1\">&lt;script&gt;</span>");
    }
}
