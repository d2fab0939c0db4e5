package health.limber.identity;

import health.limber.platform.LimberTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patient access codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z,
 * 5/S, 8/B), valid for 30 days, used once to enrol a device. Only a SHA-256 hash is stored, so a
 * database copy does not reveal working codes. Issuing a new code withdraws the patient's old ones.
 */
@Service
public class AccessCodes {

    static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    static final int LENGTH = 8;
    static final Duration VALIDITY = Duration.ofDays(30);
    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PatientDirectory patients;
    private final SecureRandom random = new SecureRandom();

    AccessCodes(JdbcClient jdbc, Clock clock, PatientDirectory patients) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.patients = patients;
    }

    /** A new code for the patient; earlier unused codes stop working. The plain code is returned once, never stored. */
    @Transactional
    public IssuedAccessCode issue(UUID patientId, String issuedBy) {
        Instant now = clock.instant();
        jdbc.sql("update patient_access_code set revoked_at = :now where patient_id = :patient and used_at is null and revoked_at is null")
                .param("now", utc(now)).param("patient", patientId).update();
        String code = newCode();
        Instant expires = now.plus(VALIDITY);
        jdbc.sql("""
                insert into patient_access_code (id, patient_id, code_hash, issued_at, issued_by, expires_at, failed_attempts)
                values (:id, :patient, :hash, :now, :by, :expires, 0)
                """)
                .param("id", UUID.randomUUID()).param("patient", patientId).param("hash", hash(code))
                .param("now", utc(now)).param("by", issuedBy).param("expires", utc(expires))
                .update();
        return new IssuedAccessCode(code, expires);
    }

    /**
     * Enrols a device: the code must exist, be unused, unexpired and not locked, and the date of
     * birth must match the patient's. Five wrong dates of birth lock the code for 15 minutes.
     *
     * @return the patient's id
     */
    @Transactional(noRollbackFor = BadCredentialsException.class)
    public UUID redeem(String typedCode, LocalDate birthDate) {
        String code = normalise(typedCode);
        Instant now = clock.instant();
        var row = jdbc.sql("""
                select id, patient_id, expires_at, used_at, revoked_at, failed_attempts, locked_until
                from patient_access_code where code_hash = :hash
                """)
                .param("hash", hash(code))
                .query((rs, n) -> new CodeRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, OffsetDateTime.class) != null,
                        rs.getObject(5, OffsetDateTime.class) != null, rs.getInt(6),
                        rs.getObject(7, OffsetDateTime.class) == null ? null : rs.getObject(7, OffsetDateTime.class).toInstant()))
                .optional()
                .orElseThrow(() -> new BadCredentialsException("unknown code"));
        // A locked, used, withdrawn or expired code is refused exactly like a wrong one, before the date of
        // birth is looked at: the answer must never confirm a date of birth (or that the code exists).
        if (row.lockedUntil() != null && now.isBefore(row.lockedUntil())) {
            throw new BadCredentialsException("code locked");
        }
        if (row.used() || row.revoked() || !now.isBefore(row.expiresAt())) {
            throw new BadCredentialsException("code used, withdrawn or expired");
        }
        var patient = patients.find(row.patientId()).filter(PatientDirectory.PatientIdentity::active)
                .orElseThrow(() -> new BadCredentialsException("no active patient"));
        if (!patient.birthDate().equals(birthDate)) {
            int failures = row.failedAttempts() + 1;
            jdbc.sql("update patient_access_code set failed_attempts = :failures, locked_until = :locked where id = :id")
                    .param("failures", failures >= MAX_FAILED_ATTEMPTS ? 0 : failures)
                    .param("locked", failures >= MAX_FAILED_ATTEMPTS ? utc(now.plus(LOCK_DURATION)) : null)
                    .param("id", row.id())
                    .update();
            throw new BadCredentialsException("date of birth does not match");
        }
        jdbc.sql("update patient_access_code set used_at = :now, failed_attempts = 0 where id = :id")
                .param("now", utc(now)).param("id", row.id()).update();
        return row.patientId();
    }

    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A freshly issued code, to be shown or given to the patient once. */
    public record IssuedAccessCode(String code, Instant expiresAt) {

        /** The code in two groups of four, easier to read out over the phone. */
        public String grouped() {
            return code.substring(0, 4) + " " + code.substring(4);
        }

        /** The last day it can be used, in England. */
        public LocalDate expiresOn() {
            return LocalDate.ofInstant(expiresAt, LimberTime.ZONE);
        }
    }

    private record CodeRow(UUID id, UUID patientId, Instant expiresAt, boolean used, boolean revoked,
                           int failedAttempts, Instant lockedUntil) {}
}
