package health.limber.waitinglist.internal;

import static health.limber.waitinglist.internal.WaitingListImport.CHUNK;
import static health.limber.waitinglist.internal.WaitingListImport.QUEUED;

import health.limber.waitinglist.internal.WaitingListImport.Progress;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The import's reader: reads and checks a WLMDS file on its own thread while the import's
 * transaction writes the chunk before, handing over checked rows and the problems of refused rows
 * in file order. See {@link WaitingListImport}.
 */
final class WlmdsFileReader {

    private WlmdsFileReader() {}

    static String firstSentence(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('.');
        return end > 0 ? message.substring(0, end) : message;
    }

    /** What the reader hands over: checked rows and the problems of the rows it refused, in file order. */
    public record Batch(List<WlmdsRow> rows, List<ImportProblem> problems, long rejectedRows, long rowsRead) {}

    /**
     * Reads and checks the file on its own thread while the import's transaction writes the chunk
     * before, so parsing and the database overlap. The queue holds at most {@link #QUEUED} chunks, so
     * memory stays flat however fast the file is read. After the last batch it records how the file
     * ended: its warnings, a problem with the whole file, or an unexpected failure to pass on.
     */
    public static final class FileReader implements Runnable {

        private static final Batch END = new Batch(List.of(), List.of(), 0, 0);

        private final InputStream input;
        private final Progress progress;
        private final WlmdsRow.Context context;
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
        private volatile boolean stopped;
        final List<String> warnings = new ArrayList<>();
        String fileProblem;
        RuntimeException failure;
        private int headerSize;
        private List<WlmdsRow> rows = new ArrayList<>(CHUNK);
        private List<ImportProblem> problems = new ArrayList<>();
        private long rejectedRows;
        long rowsRead;

        FileReader(InputStream input, Progress progress, WlmdsRow.Context context) {
            this.input = input;
            this.progress = progress;
            this.context = context;
        }

        /** The next batch, or {@link #END} once the file is read (then warnings, fileProblem and failure are final). */
        public Batch take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The import was interrupted", e);
            }
        }

        public static boolean isEnd(Batch batch) {
            return batch == END;
        }

        /** The transaction has ended (or failed): stop reading. */
        public void stop() {
            stopped = true;
            queue.clear();
        }

        @Override
        public void run() {
            try {
                read();
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                failure = new IllegalStateException("Reading the file failed", e);
            } finally {
                hand(END);
            }
        }

        private void hand(Batch batch) {
            try {
                while (!stopped && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    // the writer is busy with the chunks before; wait for room
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }

        private void flush() {
            if (!rows.isEmpty() || !problems.isEmpty()) {
                hand(new Batch(rows, problems, rejectedRows, rowsRead));
                rejectedRows = 0;
                rows = new ArrayList<>(CHUNK);
                problems = new ArrayList<>();
            }
        }

        private void read() {
            var counting = new CountingStream(new BufferedInputStream(input, 1 << 16), progress);
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith(String.valueOf(GuardedReader.REPLACEMENT));
            var reader = new GuardedReader(new InputStreamReader(counting, decoder));
            try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
                var records = parser.iterator();
                if (!records.hasNext()) {
                    fileProblem = "The file is empty: it needs a header row and one row per pathway";
                    return;
                }
                Map<String, Integer> columns = header(records.next());
                if (columns == null) {
                    return;
                }
                while (!stopped) {
                    // The parser reads ahead, so a record's line is where the parser stood before fetching it.
                    long line = parser.getCurrentLineNumber() + 1;
                    if (!records.hasNext()) {
                        break;
                    }
                    CSVRecord record = records.next();
                    rowsRead++;
                    row(line, record, columns);
                    if (rows.size() == CHUNK) {
                        flush();
                    }
                }
                flush();
            } catch (IOException | UncheckedIOException e) {
                Throwable cause = e;
                while (cause.getCause() != null && !(cause instanceof GuardedReader.FileProblem)) {
                    cause = cause.getCause();
                }
                flush();
                if (cause instanceof GuardedReader.FileProblem problem) {
                    fileProblem = problem.getMessage();
                } else {
                    fileProblem = "Line " + reader.line() + ": the file is not valid CSV (" + firstSentence(cause.getMessage())
                            + "). Quote a value with \" if it holds a comma, and double any \" inside it";
                }
            }
        }

        /** Column name (upper case) to position; null when the header is unusable. */
        private Map<String, Integer> header(CSVRecord header) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            headerSize = header.size();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).replace("\uFEFF", "").trim().toUpperCase(Locale.ROOT);
                columns.putIfAbsent(name, i);
            }
            if (header.size() == 1 && (header.get(0).contains(";") || header.get(0).contains("\t") || header.get(0).contains("|"))) {
                fileProblem = "The file must be comma separated; its header row looks separated by "
                        + (header.get(0).contains(";") ? "semicolons" : header.get(0).contains("\t") ? "tabs" : "bars");
                return null;
            }
            List<String> missing = WlmdsColumns.ALL.stream()
                    .filter(column -> !WlmdsColumns.OPTIONAL.contains(column) && !columns.containsKey(column)).toList();
            if (!missing.isEmpty()) {
                fileProblem = columns.keySet().stream().noneMatch(WlmdsColumns.ALL::contains)
                        ? "The first row must be the header row naming the columns; none of the expected names was found"
                        : "The header row is missing required column(s): " + String.join(", ", missing);
                return null;
            }
            columns.keySet().stream().filter(name -> !WlmdsColumns.ALL.contains(name))
                    .forEach(name -> warnings.add("Column " + name + " is not part of the format and was ignored"));
            return columns;
        }

        private void row(long line, CSVRecord record, Map<String, Integer> columns) {
            if (record.size() != headerSize) {
                problems.add(new ImportProblem(line, null, "The row has " + record.size() + " values; the header has " + headerSize
                        + " (a truncated or badly quoted line?)"));
                rejectedRows++;
                return;
            }
            Map<String, String> values = new HashMap<>();
            columns.forEach((name, index) -> values.put(name, record.get(index)));
            var parsed = WlmdsRow.parse(line, values, context);
            if (parsed.row() == null) {
                problems.addAll(parsed.problems());
                rejectedRows++;
            } else {
                rows.add(parsed.row());
            }
        }
    }

    /** Counts the bytes read, for the progress bar. */
    static final class CountingStream extends java.io.FilterInputStream {

        private final Progress progress;
        private long count;

        CountingStream(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.bytesRead(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
                progress.bytesRead(count);
            }
            return n;
        }
    }
}
