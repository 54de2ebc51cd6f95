package io.flotilla.sidecar.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one page of lines out of a log streamed once from its start, keeping only the page in
 * memory: a 1 GB log costs one pass, never 1 GB of heap. Offsets are byte positions of line starts,
 * so they stay valid while the log grows. Only complete lines (ended by a newline) count: the line
 * being written is read on the next page.
 */
final class LogPager {

    /** Longer lines are cut here (with a marker), so one runaway line cannot fill the heap. */
    static final int MAX_LINE = 8192;

    private static final byte[] CUT = " [... line cut]".getBytes(StandardCharsets.UTF_8);

    /** The page found: its first line's start, the byte after its last line, and the links. */
    record Window(long offset, long end, Long previous, long next, List<String> lines) {}

    /** Which lines count; sees the line's bytes (cut at {@link #MAX_LINE}). */
    interface LineFilter {
        boolean keep(byte[] line, int length);

        LineFilter ALL = (line, length) -> true;

        /** Lines containing any of {@code needles} (as UTF-8 bytes). */
        static LineFilter containing(List<String> needles) {
            List<byte[]> bytes =
                    needles.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
            return (line, length) -> bytes.stream().anyMatch(n -> indexOf(line, length, n) >= 0);
        }
    }

    private record Line(long start, long end, String text) {}

    private LogPager() {}

    /**
     * Forward from {@code offset}: the first {@code limit} kept lines starting at or after it.
     * Backward from {@code before}: the last {@code limit} kept lines starting before it. With
     * neither, the last {@code limit} kept lines of the log. In the window, {@code previous} (for
     * {@code before}) is the page's start when kept lines precede it, and {@code next} (for {@code
     * offset}) is where the lines after the page start.
     *
     * @throws OffsetBeyondEndException when {@code offset} or {@code before} lies beyond the end
     */
    static Window page(InputStream in, Long offset, Long before, int limit, LineFilter filter) {
        ArrayDeque<Line> page = new ArrayDeque<>();
        boolean earlier = false;
        Scanner scanner = new Scanner(in);
        long next = -1;
        while (scanner.nextLine()) {
            long start = scanner.start;
            if (before != null && start >= before) {
                next = before;
                break;
            }
            if (!filter.keep(scanner.line, scanner.length)) {
                continue;
            }
            if (offset != null && start < offset) {
                earlier = true;
                continue;
            }
            if (page.size() == limit) {
                if (offset != null) {
                    next = start;
                    break;
                }
                page.removeFirst();
                earlier = true;
            }
            page.addLast(new Line(start, scanner.completeEnd, scanner.text()));
        }
        Long asked = offset != null ? offset : before;
        if (asked != null && next < 0 && asked > scanner.total) {
            throw new OffsetBeyondEndException(asked, scanner.total);
        }
        long complete = scanner.completeEnd;
        if (next < 0) {
            // Read to the end: the next page starts after the last complete line, where a
            // follower asks again for what has been written since.
            next = complete;
        }
        long first =
                page.isEmpty()
                        ? (offset != null ? offset : before != null ? before : complete)
                        : page.getFirst().start;
        long end = page.isEmpty() ? first : page.getLast().end;
        List<String> lines = new ArrayList<>(page.size());
        page.forEach(l -> lines.add(l.text));
        return new Window(first, end, earlier ? first : null, next, lines);
    }

    /** The position asked for is past the end of the log. */
    static final class OffsetBeyondEndException extends RuntimeException {
        final long size;

        OffsetBeyondEndException(long offset, long size) {
            super(offset + " is beyond the end of the log (" + size + " bytes)");
            this.size = size;
        }
    }

    static int indexOf(byte[] hay, int length, byte[] needle) {
        outer:
        for (int i = 0; i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Reads complete lines in chunks, tracking each line's byte position. */
    private static final class Scanner {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int pos;
        private int limit;
        final byte[] line = new byte[MAX_LINE];
        int length;
        boolean cut;
        long start;
        long total;
        long completeEnd;

        Scanner(InputStream in) {
            this.in = in;
        }

        /** Advances to the next complete line; false at the end (a trailing partial is skipped). */
        boolean nextLine() {
            start = completeEnd;
            length = 0;
            cut = false;
            while (true) {
                if (pos == limit && !fill()) {
                    return false;
                }
                int i = pos;
                while (i < limit && buffer[i] != '\n') {
                    i++;
                }
                append(pos, i - pos);
                boolean ended = i < limit;
                pos = ended ? i + 1 : i;
                if (ended) {
                    completeEnd = total - (limit - pos);
                    if (length > 0 && line[length - 1] == '\r') {
                        length--;
                    }
                    return true;
                }
            }
        }

        String text() {
            String s = new String(line, 0, length, StandardCharsets.UTF_8);
            return cut ? s + new String(CUT, StandardCharsets.UTF_8) : s;
        }

        private void append(int from, int n) {
            int room = Math.min(n, MAX_LINE - length);
            System.arraycopy(buffer, from, line, length, room);
            length += room;
            cut |= room < n;
        }

        private boolean fill() {
            try {
                int n = in.readNBytes(buffer, 0, buffer.length);
                if (n <= 0) {
                    return false;
                }
                pos = 0;
                limit = n;
                total += n;
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the log: " + e.getMessage(), e);
            }
        }
    }
}
