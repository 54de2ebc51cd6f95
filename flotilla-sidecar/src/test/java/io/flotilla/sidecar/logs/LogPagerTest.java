package io.flotilla.sidecar.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.sidecar.logs.LogPager.LineFilter;
import io.flotilla.sidecar.logs.LogPager.Window;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LogPagerTest {

    /** Lines "line 0" to "line n-1", each ended by a newline. */
    private static String lines(int n) {
        StringBuilder b = new StringBuilder();
        IntStream.range(0, n).forEach(i -> b.append("line ").append(i).append('\n'));
        return b.toString();
    }

    private static Window page(String log, Long offset, int limit) {
        return page(log, offset, limit, LineFilter.ALL);
    }

    private static Window page(String log, Long offset, int limit, LineFilter filter) {
        return LogPager.page(
                new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
                offset,
                null,
                limit,
                filter);
    }

    private static Window before(String log, long before, int limit, LineFilter filter) {
        return LogPager.page(
                new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
                null,
                before,
                limit,
                filter);
    }

    @Test
    void withoutAnOffsetThePageIsTheNewestLines() {
        String log = lines(10);
        Window w = page(log, null, 3);
        assertThat(w.lines()).containsExactly("line 7", "line 8", "line 9");
        assertThat(w.offset()).isEqualTo(log.indexOf("line 7"));
        assertThat(w.end()).isEqualTo(log.length());
        assertThat(w.next()).isEqualTo(log.length());
        assertThat(w.previous()).isEqualTo(w.offset());
    }

    @Test
    void previousLinksWalkBackToTheStartAndNextLinksWalkForwardToTheEnd() {
        String log = lines(10);
        List<String> backwards = new ArrayList<>();
        Window w = page(log, null, 3);
        backwards.addAll(0, w.lines());
        while (w.previous() != null) {
            long at = w.offset();
            w = before(log, w.previous(), 3, LineFilter.ALL);
            assertThat(w.end()).as("the previous page ends where the page started").isEqualTo(at);
            backwards.addAll(0, w.lines());
        }
        assertThat(backwards).hasSize(10).startsWith("line 0").endsWith("line 9");
        assertThat(w.offset()).isZero();

        List<String> forwards = new ArrayList<>();
        Window f = page(log, 0L, 4);
        forwards.addAll(f.lines());
        while (f.next() < log.length()) {
            f = page(log, f.next(), 4);
            forwards.addAll(f.lines());
        }
        assertThat(forwards).isEqualTo(backwards);
    }

    @Test
    void aPageFromAnOffsetHasTheLinesStartingThereAndLinksBothWays() {
        String log = lines(10);
        long at = log.indexOf("line 5");
        Window w = page(log, at, 2);
        assertThat(w.lines()).containsExactly("line 5", "line 6");
        assertThat(w.offset()).isEqualTo(at);
        assertThat(w.next()).isEqualTo(log.indexOf("line 7"));
        assertThat(w.end()).isEqualTo(w.next());
        assertThat(w.previous()).isEqualTo(at);
        assertThat(before(log, at, 2, LineFilter.ALL).lines()).containsExactly("line 3", "line 4");
    }

    @Test
    void anOffsetInsideALineStartsAtTheNextLine() {
        String log = lines(5);
        Window w = page(log, (long) log.indexOf("line 2") + 2, 1);
        assertThat(w.lines()).containsExactly("line 3");
    }

    @Test
    void theFilterCountsOnlyTheLinesNamingTheJob() {
        String log =
                "start\nJob abc switched to RUNNING\nnoise\nnoise\ncheckpoint 1 of abc\n"
                        + "noise\ncheckpoint 2 of abc\nend\n";
        LineFilter abc = LineFilter.containing(List.of("abc"));
        Window w = page(log, null, 2, abc);
        assertThat(w.lines()).containsExactly("checkpoint 1 of abc", "checkpoint 2 of abc");
        assertThat(w.end()).isEqualTo(log.indexOf("end"));
        assertThat(w.next()).isEqualTo(log.length());
        Window earlier = before(log, w.previous(), 2, abc);
        assertThat(earlier.lines()).containsExactly("Job abc switched to RUNNING");
        assertThat(earlier.previous()).isNull();
        assertThat(earlier.next()).isEqualTo(log.indexOf("checkpoint 1"));
    }

    @Test
    void theLineBeingWrittenWaitsForTheNextPage() {
        String log = "one\ntwo\nthr";
        Window w = page(log, null, 10);
        assertThat(w.lines()).containsExactly("one", "two");
        assertThat(w.next()).isEqualTo(8);
        Window later = page(log + "ee\n", w.next(), 10);
        assertThat(later.lines()).containsExactly("three");
    }

    @Test
    void anEmptyLogIsAnEmptyPage() {
        Window w = page("", null, 10);
        assertThat(w.lines()).isEmpty();
        assertThat(w.offset()).isZero();
        assertThat(w.next()).isZero();
        assertThat(w.previous()).isNull();
        assertThat(page("", 0L, 10).lines()).isEmpty();
    }

    @Test
    void anOffsetBeyondTheEndIsRefused() {
        assertThatThrownBy(() -> page(lines(3), 1000L, 10))
                .isInstanceOf(LogPager.OffsetBeyondEndException.class)
                .hasMessageContaining("beyond the end");
        assertThatThrownBy(() -> before(lines(3), 1000L, 10, LineFilter.ALL))
                .isInstanceOf(LogPager.OffsetBeyondEndException.class);
    }

    @Test
    void aRunawayLineIsCutAndCrLfIsTrimmed() {
        String log = "x".repeat(LogPager.MAX_LINE * 3) + "\r\nshort\r\n";
        Window w = page(log, null, 10);
        assertThat(w.lines()).hasSize(2);
        assertThat(w.lines().get(0)).hasSizeLessThan(LogPager.MAX_LINE + 100).endsWith("cut]");
        assertThat(w.lines().get(1)).isEqualTo("short");
    }

    @Test
    void aLargeLogIsReadInOnePassKeepingOnlyThePage() {
        // 200,000 lines (about 2.7 MB) through a stream that cannot be re-read.
        int n = 200_000;
        InputStream once =
                new java.io.SequenceInputStream(
                        java.util.Collections.enumeration(
                                IntStream.range(0, n)
                                        .mapToObj(
                                                i ->
                                                        (InputStream)
                                                                new ByteArrayInputStream(
                                                                        ("line " + i + "\n")
                                                                                .getBytes(
                                                                                        StandardCharsets
                                                                                                .UTF_8)))
                                        .toList()));
        Window w = LogPager.page(once, null, null, 2, LineFilter.ALL);
        assertThat(w.lines()).containsExactly("line " + (n - 2), "line " + (n - 1));
    }
}
