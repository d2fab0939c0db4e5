package health.limber.waitinglist.internal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts lines as the CSV parser reads and refuses a line longer than the limit, so a broken or
 * hostile file (one 100 MB line) is stopped early instead of filling memory. The decoder replaces
 * bytes that are not UTF-8 with U+FFFD, and meeting one here reports the exact line.
 */
final class GuardedReader extends FilterReader {

    static final int MAX_LINE = 64 * 1024;
    /** What the decoder puts where bytes were not UTF-8; reading it here tells us the exact line. */
    static final char REPLACEMENT = '\uFFFD';

    private long line = 1;
    private int sinceNewline;

    GuardedReader(Reader in) {
        super(in);
    }

    long line() {
        return line;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            count(buffer[offset + i]);
        }
        return n;
    }

    private void count(char c) throws IOException {
        if (c == REPLACEMENT) {
            throw new FileProblem("Line " + line + " has bytes that are not UTF-8: save the file as UTF-8 (CSV UTF-8)");
        }
        if (c == '\n') {
            line++;
            sinceNewline = 0;
        } else if (++sinceNewline > MAX_LINE) {
            throw new FileProblem("Line " + line + " is longer than " + MAX_LINE + " characters: this is not a waiting-list file");
        }
    }

    /** The whole file is refused. */
    static final class FileProblem extends IOException {
        FileProblem(String message) {
            super(message);
        }
    }
}
