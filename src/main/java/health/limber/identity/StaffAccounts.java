package health.limber.identity;

import health.limber.organisation.Organisations;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and looking after staff accounts: what an administrator does. */
@Service
public class StaffAccounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    static final int MIN_PASSWORD_LENGTH = 12;

    private final StaffUsers users;
    private final PasswordEncoder passwordEncoder;
    private final Organisations organisations;
    private final Clock clock;

    StaffAccounts(StaffUsers users, PasswordEncoder passwordEncoder, Organisations organisations, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Transactional
    public StaffUser create(NewStaffUser request) {
        String username = request.username() == null ? "" : request.username().trim().toLowerCase();
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username",
                    "Username must be 3 to 60 characters: lower-case letters, numbers, dots, hyphens or underscores");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new InvalidInputException("username", "That username is already taken");
        }
        if (request.displayName() == null || request.displayName().isBlank()) {
            throw new InvalidInputException("displayName", "Enter the person's full name");
        }
        if (request.role() == null || request.role() == Role.PATIENT) {
            throw new InvalidInputException("role", "Select a staff role");
        }
        if (request.organisationCode() == null || organisations.providerName(request.organisationCode()).isEmpty()) {
            throw new InvalidInputException("organisationCode", "Select the organisation the person works for");
        }
        String hash = passwordEncoder.encode(checkedPassword(request.password()));
        return users.save(StaffUser.create(username, request.displayName().trim(), hash, request.role(),
                request.organisationCode(), clock.instant()));
    }

    @Transactional
    public void resetPassword(UUID id, String newPassword) {
        StaffUser user = get(id);
        user.resetPassword(passwordEncoder.encode(checkedPassword(newPassword)));
        users.save(user);
    }

    @Transactional
    public void setEnabled(UUID id, boolean enabled) {
        StaffUser user = get(id);
        if (enabled) {
            user.enable();
        } else {
            user.disable();
        }
        users.save(user);
    }

    public List<StaffUser> all() {
        return users.findAllByOrderByOrganisationCodeAscUsernameAsc();
    }

    public Optional<StaffUser> find(UUID id) {
        return users.findById(id);
    }

    public Optional<StaffUser> findByUsername(String username) {
        return users.findByUsername(username);
    }

    StaffUser get(UUID id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("No such staff account"));
    }

    @Transactional
    void recordFailedSignIn(String username) {
        users.findByUsername(username).ifPresent(user -> {
            user.recordFailedSignIn(clock.instant());
            saveIgnoringRace(user);
        });
    }

    @Transactional
    void recordSuccessfulSignIn(String username) {
        users.findByUsername(username).filter(user -> user.failedAttempts() > 0 || user.lockedUntil() != null)
                .ifPresent(user -> {
                    user.recordSuccessfulSignIn();
                    saveIgnoringRace(user);
                });
    }

    private void saveIgnoringRace(StaffUser user) {
        try {
            users.save(user);
        } catch (OptimisticLockingFailureException concurrentAttempt) {
            // Another sign-in attempt for the same account was counted at the same moment; one count is enough.
        }
    }

    private static String checkedPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "Password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 128) {
            throw new InvalidInputException("password", "Password must be 128 characters or fewer");
        }
        return password;
    }

    /** What an administrator enters to create an account. */
    public record NewStaffUser(String username, String displayName, Role role, String organisationCode, String password) {}
}
