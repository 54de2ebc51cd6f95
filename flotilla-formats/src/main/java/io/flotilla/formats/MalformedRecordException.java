package io.flotilla.formats;

import java.io.IOException;

/** A record that does not parse: says where (byte offset), which field, what rule, and the fix. */
public final class MalformedRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String field;
    private final String problem;

    public MalformedRecordException(String format, long offset, String field, String problem) {
        super(message(format, offset, field, problem));
        this.offset = offset;
        this.field = field;
        this.problem = problem;
    }

    private static String message(String format, long offset, String field, String problem) {
        String where = field == null ? "" : ", field '" + field + "'";
        return "Malformed "
                + format
                + " record at byte "
                + offset
                + where
                + ": "
                + problem
                + ". Fix the producer, or set '"
                + format.toLowerCase(java.util.Locale.ROOT)
                + ".ignore-parse-errors' = 'true' to skip and count such records.";
    }

    /**
     * No stack trace: the message says where in the record and what rule broke, and with
     * ignore-parse-errors a stream of bad records would otherwise pay for one per record.
     */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** Byte offset in the record where the problem was found. */
    public long offset() {
        return offset;
    }

    /** The rule the record broke, without the where and the fix. */
    public String problem() {
        return problem;
    }

    /** Dotted path of the field being read, or null when the problem is outside any field. */
    public String field() {
        return field;
    }
}
