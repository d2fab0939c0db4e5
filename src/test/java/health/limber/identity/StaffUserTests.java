package health.limber.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lockout rule: 5 failed sign-ins lock the account for 15 minutes. */
class StaffUserTests {

    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    StaffUser user() {
        return StaffUser.create("sam", "Sam", "{noop}x", Role.CLINICIAN, "RZA", NOW);
    }

    @Test
    void theFifthFailureLocksForFifteenMinutes() {
        StaffUser user = user();
        for (int i = 0; i < 4; i++) {
            user.recordFailedSignIn(NOW);
        }
        assertThat(user.isLocked(NOW)).isFalse();
        user.recordFailedSignIn(NOW);
        assertThat(user.isLocked(NOW)).isTrue();
        assertThat(user.isLocked(NOW.plus(Duration.ofMinutes(15)).minusSeconds(1))).isTrue();
        assertThat(user.isLocked(NOW.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void afterALockExpiresTheCountStartsAgain() {
        StaffUser user = user();
        for (int i = 0; i < 5; i++) {
            user.recordFailedSignIn(NOW);
        }
        Instant later = NOW.plus(Duration.ofMinutes(16));
        user.recordFailedSignIn(later);
        assertThat(user.isLocked(later)).isFalse();
        assertThat(user.failedAttempts()).isEqualTo(1);
    }

    @Test
    void aPasswordResetLiftsTheLock() {
        StaffUser user = user();
        for (int i = 0; i < 5; i++) {
            user.recordFailedSignIn(NOW);
        }
        user.resetPassword("{noop}new");
        assertThat(user.isLocked(NOW)).isFalse();
    }
}
