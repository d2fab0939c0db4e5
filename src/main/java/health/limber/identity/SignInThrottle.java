package health.limber.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down guessing of passwords and access codes (hazard H-02): failures are counted per client
 * address and per username as typed, in the database, so every app instance sees the same counts.
 * After a few free failures each further try must wait, 30 seconds doubling up to 15 minutes; a
 * quiet hour forgets the failures. Nothing is ever locked: nobody can lock another person out, and
 * an unknown username is slowed exactly like a real one, so the waits reveal no account.
 */
@Component
class SignInThrottle {

    /** What failures are counted against, with how many are free before waits begin. */
    enum Scope {
        ADDRESS(20), ACCOUNT(5), PATIENT_ADDRESS(10);

        final int freeFailures;

        Scope(int freeFailures) {
            this.freeFailures = freeFailures;
        }
    }

    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    SignInThrottle(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** How long the subject must still wait before another try, if at all. */
    Optional<Duration> waitFor(Scope scope, String subject) {
        Instant now = clock.instant();
        return jdbc.sql("select failures, last_failure from sign_in_throttle where scope = :scope and subject = :subject")
                .param("scope", scope.name()).param("subject", subject)
                .query((rs, n) -> {
                    int failures = rs.getInt(1);
                    Instant last = rs.getTimestamp(2).toInstant();
                    if (failures < scope.freeFailures || last.plus(FORGOTTEN_AFTER).isBefore(now)) {
                        return Duration.ZERO;
                    }
                    Instant allowed = last.plus(waitAfter(failures - scope.freeFailures));
                    return allowed.isAfter(now) ? Duration.between(now, allowed) : Duration.ZERO;
                })
                .optional().filter(wait -> !wait.isZero());
    }

    /** 30 s after the first failure beyond the free ones, doubling to at most 15 minutes. */
    static Duration waitAfter(int beyondFree) {
        if (beyondFree >= 10) {
            return LONGEST_WAIT;
        }
        Duration wait = FIRST_WAIT.multipliedBy(1L << beyondFree);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** Counts a failure (committed on its own: the refused sign-in's rollback must not undo it). */
    void failed(Scope scope, String subject) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp forgotten = Timestamp.from(clock.instant().minus(FORGOTTEN_AFTER));
        ownTransaction.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                            update sign_in_throttle set failures = case when last_failure < :forgotten then 1 else failures + 1 end,
                                   last_failure = :now where scope = :scope and subject = :subject""")
                    .param("forgotten", forgotten).param("now", now).param("scope", scope.name()).param("subject", subject).update();
            if (updated == 0) {
                // the first failure; if another instance inserts it at the same moment, count this one on top
                int inserted = jdbc.sql("""
                                insert into sign_in_throttle (scope, subject, failures, last_failure) values (:scope, :subject, 1, :now)
                                on conflict do nothing""")
                        .param("scope", scope.name()).param("subject", subject).param("now", now).update();
                if (inserted == 0) {
                    jdbc.sql("update sign_in_throttle set failures = failures + 1, last_failure = :now where scope = :scope and subject = :subject")
                            .param("now", now).param("scope", scope.name()).param("subject", subject).update();
                }
            }
        });
    }

    /** Forgets the subject's failures: after the real user signs in, or an administrator's unlock or reset. */
    void clear(Scope scope, String subject) {
        jdbc.sql("delete from sign_in_throttle where scope = :scope and subject = :subject")
                .param("scope", scope.name()).param("subject", subject).update();
    }
}
