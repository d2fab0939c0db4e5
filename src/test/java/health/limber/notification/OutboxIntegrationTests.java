package health.limber.notification;

import static org.assertj.core.api.Assertions.assertThat;

import health.limber.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Quiet hours hold messages back; a failed send is retried with back-off, then marked failed. */
@IntegrationTest
class OutboxIntegrationTests {

    @Autowired JdbcClient jdbcClient;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    Outbox outbox(Clock clock, MessageSender sender) {
        return new Outbox(jdbcClient, clock, sender, null, transactions, null, "21:00-08:00", 3, Duration.ofMinutes(2));
    }

    @Test
    void quietHoursRunFromNineAtNightToEightInTheMorningLondonTime() {
        assertThat(outbox(at("2027-01-11T20:59:00Z"), m -> {}).quietNow()).isFalse();
        assertThat(outbox(at("2027-01-11T21:00:00Z"), m -> {}).quietNow()).isTrue();
        assertThat(outbox(at("2027-01-12T07:59:00Z"), m -> {}).quietNow()).isTrue();
        assertThat(outbox(at("2027-01-12T08:00:00Z"), m -> {}).quietNow()).isFalse();
        assertThat(outbox(at("2027-07-12T07:30:00Z"), m -> {}).quietNow()).as("08:30 in summer time").isFalse();
    }

    @Test
    void nothingIsSentInQuietHoursAndAFailedSendIsRetriedWithBackOffThenFailed() {
        String key = "test:" + UUID.randomUUID();
        Clock night = at("2027-01-11T22:00:00Z");
        AtomicInteger tries = new AtomicInteger();
        MessageSender failing = m -> {
            if (m.dedupeKey().equals(key)) {
                tries.incrementAndGet();
                throw new IllegalStateException("gateway down");
            }
        };
        transactions.executeWithoutResult(s -> outbox(night, failing).queue(new Outbox.Message(key, null, "QHL", Channel.SMS, "07700 900000",
                "s", "b", Instant.parse("2027-01-11T21:30:00Z"))));
        outbox(night, failing).dispatch();
        assertThat(tries).hasValue(0);
        outbox(at("2027-01-12T08:00:00Z"), failing).dispatch();
        assertThat(jdbc.queryForMap("select status, attempts, send_after from outbox_message where dedupe_key = ?", key))
                .containsEntry("status", "QUEUED").containsEntry("attempts", 1);
        assertThat(jdbc.queryForObject("select send_after from outbox_message where dedupe_key = ?", java.sql.Timestamp.class, key).toInstant())
                .isEqualTo(Instant.parse("2027-01-12T08:02:00Z"));
        outbox(at("2027-01-12T08:02:00Z"), failing).dispatch();
        assertThat(jdbc.queryForObject("select send_after from outbox_message where dedupe_key = ?", java.sql.Timestamp.class, key).toInstant())
                .as("then 4 minutes").isEqualTo(Instant.parse("2027-01-12T08:06:00Z"));
        outbox(at("2027-01-12T08:06:00Z"), failing).dispatch();
        assertThat(jdbc.queryForMap("select status, attempts from outbox_message where dedupe_key = ?", key))
                .containsEntry("status", "FAILED").containsEntry("attempts", 3);
        assertThat(tries).hasValue(3);
    }
}
