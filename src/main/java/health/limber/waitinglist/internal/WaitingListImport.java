package health.limber.waitinglist.internal;

import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import health.limber.platform.LimberTime;
import health.limber.waitinglist.Pathway;
import health.limber.waitinglist.PathwayKey;
import health.limber.waitinglist.PathwaysImported;
import health.limber.waitinglist.internal.WlmdsFileReader.Batch;
import health.limber.waitinglist.internal.WlmdsFileReader.FileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a WLMDS-like CSV file, streaming it in chunks so memory stays flat at any size. The file
 * is one database transaction: all-or-nothing rolls it back if any row is bad (and a crash leaves
 * nothing behind); quarantine commits the good rows and hands every bad one, with line, column and
 * rule, to the caller. Re-importing a later file for the same issuer updates pathways by key and
 * records each change as a clock event; the same file twice changes nothing.
 */
@Service
public class WaitingListImport {

    public static final int CHUNK = 5000;
    /** Checked chunks waiting to be written: the reader runs at most this far ahead. */
    static final int QUEUED = 2;
    static final int PROBLEMS_KEPT = 200;

    private final Pathways pathways;
    private final Organisations organisations;
    private final PlatformTransactionManager transactions;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    WaitingListImport(Pathways pathways, Organisations organisations, PlatformTransactionManager transactions, Clock clock,
                      org.springframework.jdbc.core.simple.JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.pathways = pathways;
        this.organisations = organisations;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Progress for a progress bar: bytes read so far. */
    public interface Progress {
        void bytesRead(long bytes);
    }

    /**
     * Who imports, and which ICBs' pathways they may write: a member of staff imports only the ICBs
     * their organisation serves; the command line run by the database's owner may import all, and
     * says so. Recorded with every import.
     *
     * @param icbs the ICBs whose rows are accepted (ignored when {@code allIcbs})
     */
    public record Importer(String who, String organisation, Set<String> icbs, boolean allIcbs) {

        public Importer {
            icbs = Set.copyOf(icbs);
        }

        public static Importer staff(String username, String organisation, Set<String> servedIcbs) {
            return new Importer(username, organisation, servedIcbs, false);
        }

        /** The command line without a named account: the database owner's rights, recorded as such. */
        public static Importer databaseOwner(String who) {
            return new Importer(who, null, Set.of(), true);
        }

        boolean mayImport(String icb) {
            return allIcbs || icbs.contains(icb);
        }
    }

    public ImportSummary run(InputStream file, ImportMode mode, boolean dryRun, Consumer<ImportProblem> rejects, Progress progress) {
        return run(file, mode, dryRun, rejects, progress, Importer.databaseOwner("unnamed"));
    }

    /**
     * Imports a file for {@code importer}: rows for an ICB the importer does not serve (or that would
     * change a pathway of such an ICB) are refused by line and column like any other bad row. The
     * import is recorded (who, the file's SHA-256, mode and counts) whether or not it was committed.
     */
    public ImportSummary run(InputStream file, ImportMode mode, boolean dryRun, Consumer<ImportProblem> rejects, Progress progress,
                             Importer importer) {
        var template = new TransactionTemplate(transactions);
        Instant started = clock.instant();
        Run run = new Run(mode, dryRun, rejects, importer);
        MessageDigest digest = sha256();
        DigestInputStream hashed = new DigestInputStream(file, digest);
        FileReader reader = new FileReader(hashed, progress, run.context);
        Thread readerThread = new Thread(reader, "waiting-list-import-reader");
        readerThread.setDaemon(true);
        readerThread.start();
        try {
            template.executeWithoutResult(status -> {
                pathways.prepareImportTransaction();
                run.write(reader);
                if (dryRun || (mode == ImportMode.ALL_OR_NOTHING && run.rejected > 0) || run.fileProblem != null) {
                    status.setRollbackOnly();
                }
            });
        } catch (UncheckedIOException e) {
            run.fileProblem(e.getCause().getMessage());
        } finally {
            reader.stop();
            try {
                readerThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean committed = !dryRun && run.fileProblem == null && (mode == ImportMode.QUARANTINE || run.rejected == 0);
        String sha256 = restHashed(hashed, digest);
        record(run, importer, sha256, mode, dryRun, committed, started);
        return new ImportSummary(run.rowsRead, committed || dryRun ? run.created : 0, committed || dryRun ? run.updated : 0,
                committed || dryRun ? run.unchanged : 0, run.rejected, run.warnings, run.kept, committed, dryRun);
    }

    /** The file's SHA-256: what the reader read, and the rest of the file if it stopped early. */
    private static String restHashed(DigestInputStream hashed, MessageDigest digest) {
        try {
            hashed.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException unreadable) {
            // the hash is of what could be read; the import already reported the file as unreadable
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The import's own record, committed whatever became of the import's transaction. */
    private void record(Run run, Importer importer, String sha256, ImportMode mode, boolean dryRun, boolean committed, Instant started) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> jdbc.sql("""
                        insert into waiting_list_import (id, imported_by, organisation, all_icbs, file_sha256, mode, dry_run, rows_read, created,
                            updated, unchanged, rejected, committed, started_at, finished_at)
                        values (:id, :by, :organisation, :all, :sha, :mode, :dry, :read, :created, :updated, :unchanged, :rejected, :committed,
                            :started, :finished)""")
                .param("id", run.importId).param("by", importer.who()).param("organisation", importer.organisation())
                .param("all", importer.allIcbs()).param("sha", sha256).param("mode", mode.name()).param("dry", dryRun)
                .param("read", run.rowsRead).param("created", committed ? run.created : 0).param("updated", committed ? run.updated : 0)
                .param("unchanged", committed ? run.unchanged : 0).param("rejected", run.rejected).param("committed", committed)
                .param("started", java.sql.Timestamp.from(started)).param("finished", java.sql.Timestamp.from(clock.instant()))
                .update());
    }

    /** The state of one import while its transaction writes. */
    private final class Run {

        final ImportMode mode;
        final boolean dryRun;
        final Consumer<ImportProblem> rejects;
        final UUID importId = UUID.randomUUID();
        final LocalDate today = LimberTime.today(clock);
        final WlmdsRow.Context context;
        final List<String> warnings = new ArrayList<>();
        final List<ImportProblem> kept = new ArrayList<>();
        long rowsRead;
        long created;
        long updated;
        long unchanged;
        long rejected;
        String fileProblem;

        final Importer importer;

        Run(ImportMode mode, boolean dryRun, Consumer<ImportProblem> rejects, Importer importer) {
            this.mode = mode;
            this.dryRun = dryRun;
            this.rejects = rejects;
            this.importer = importer;
            Set<String> icbs = organisations.icbs().stream().map(Icb::code).collect(Collectors.toSet());
            this.context = new WlmdsRow.Context(
                    organisations.providers().stream().map(Organisations.Provider::code).collect(Collectors.toSet()),
                    icbs, importer.allIcbs() ? icbs : importer.icbs(), today);
        }

        /** Writes each batch the reader hands over, until the file ends. */
        void write(FileReader reader) {
            for (Batch batch = reader.take(); !FileReader.isEnd(batch); batch = reader.take()) {
                rowsRead = batch.rowsRead();
                rejected += batch.rejectedRows();
                batch.problems().forEach(problem -> {
                    keep(problem);
                    rejects.accept(problem);
                });
                write(batch.rows());
            }
            if (reader.failure != null) {
                throw reader.failure;
            }
            rowsRead = reader.rowsRead;
            warnings.addAll(reader.warnings);
            if (reader.fileProblem != null) {
                fileProblem(reader.fileProblem);
            }
        }

        private void write(List<WlmdsRow> chunk) {
            if (chunk.isEmpty()) {
                return;
            }
            Map<PathwayKey, Pathways.Stored> stored = pathways.findAll(chunk.stream().map(WlmdsRow::key).toList());
            Set<PathwayKey> seenInChunk = new HashSet<>();
            List<Pathway> changed = new ArrayList<>();
            List<Pathway> confirmed = new ArrayList<>();
            List<Pathway> made = new ArrayList<>();
            for (WlmdsRow row : chunk) {
                Pathways.Stored existing = stored.get(row.key());
                if (!seenInChunk.add(row.key()) || (existing != null && importId.equals(existing.lastImport()))) {
                    reject(new ImportProblem(row.line(), WlmdsColumns.PATHWAY_ID,
                            "Pathway " + row.key().identifier() + " of " + row.key().issuer() + " appears more than once in the file"));
                    continue;
                }
                if (existing != null && !importer.mayImport(existing.pathway().commissionerCode())) {
                    reject(new ImportProblem(row.line(), WlmdsColumns.PATHWAY_ID, "Pathway " + row.key().identifier() + " of "
                            + row.key().issuer() + " belongs to an ICB your organisation does not serve; its rows are not yours to import"));
                    continue;
                }
                if (existing == null) {
                    Pathway pathway = create(row);
                    changed.add(pathway);
                    made.add(pathway);
                    created++;
                    continue;
                }
                try {
                    if (PathwayChanges.apply(existing.pathway(), row, today)) {
                        changed.add(existing.pathway());
                        updated++;
                    } else {
                        confirmed.add(existing.pathway());
                        unchanged++;
                    }
                } catch (PathwayChanges.Refused refused) {
                    reject(refused.problem());
                }
            }
            pathways.saveAll(changed, importId, clock.instant());
            pathways.markImported(confirmed, importId);
            if (!made.isEmpty()) {
                events.publishEvent(new PathwaysImported(made));
            }
        }

        Pathway create(WlmdsRow row) {
            Pathway pathway = Pathway.open(row.key(), row.nhsNumber(), row.birthDate(), row.received(), row.source(),
                    row.listType(), row.function(), row.priority(), row.provider(), row.commissioner(), row.start());
            if (row.end() != null) {
                pathway.stopClock(row.end(), row.endReason());
            }
            return pathway;
        }

        void reject(ImportProblem problem) {
            rejected++;
            keep(problem);
            rejects.accept(problem);
        }

        void keep(ImportProblem problem) {
            if (kept.size() < PROBLEMS_KEPT) {
                kept.add(problem);
            }
        }

        void fileProblem(String message) {
            fileProblem = message;
            kept.add(0, new ImportProblem(0, null, message));
        }
    }

}
