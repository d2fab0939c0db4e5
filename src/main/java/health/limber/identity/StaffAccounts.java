package health.limber.identity;

import health.limber.organisation.Organisations;
import health.limber.platform.InvalidInputException;
import health.limber.platform.NotFoundException;
import health.limber.platform.PersonName;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and looking after staff accounts: what an administrator does. An administrator manages
 * only the accounts of their own organisation; a system administrator (granted only by
 * {@code ./limber setup --system-admin}) manages every organisation's. Every account action is an
 * audit event (hazard H-28), and a password an administrator sets must be changed by its owner at the
 * next sign-in.
 */
@Service
public class StaffAccounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    static final int MIN_PASSWORD_LENGTH = 12;
    static final String RESOURCE = "StaffAccount";

    private final StaffUsers users;
    private final PasswordEncoder passwordEncoder;
    private final Organisations organisations;
    private final Clock clock;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final SignInThrottle throttle;

    StaffAccounts(StaffUsers users, PasswordEncoder passwordEncoder, Organisations organisations, Clock clock, CurrentActor currentActor,
                  AuditLog audit, SignInThrottle throttle) {
        this.throttle = throttle;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.organisations = organisations;
        this.clock = clock;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    /** An administrator creates an account in their own organisation (a system administrator, in any). */
    @Transactional
    public StaffUser create(NewStaffUser request) {
        Actor admin = administrator();
        if (request.organisationCode() != null && !request.organisationCode().isBlank() && !mayManage(admin, request.organisationCode())) {
            audit.denied(null, AuditAction.ACCOUNT_CREATE, RESOURCE, request.username());
            throw new AccessDeniedException("Administrators create accounts in their own organisation only");
        }
        if (request.role() == Role.SYSTEM_ADMIN) {
            throw new InvalidInputException("role", "A system administrator is made only with ./limber setup, on the server");
        }
        StaffUser user = users.save(checked(request, true));
        audit.allowed(null, AuditAction.ACCOUNT_CREATE, RESOURCE, user.username() + " (" + user.role().name() + ", " + user.organisationCode() + ")");
        return user;
    }

    /**
     * The first account of a deployment, made on the server by {@code ./limber setup}: an
     * administrator of the provider, or a system administrator when asked. Its owner typed the
     * password, so it need not be changed.
     */
    @Transactional
    public StaffUser createBySetup(NewStaffUser request) {
        StaffUser user = checked(request, false, passwordEncoder::encode);
        return users.save(user);
    }

    /**
     * Several accounts made on the server at once (by set-up scripts and the demo), each as
     * {@link #createBySetup(NewStaffUser)}; a password shared by several is hashed once.
     */
    @Transactional
    public List<StaffUser> createBySetup(List<NewStaffUser> requests) {
        Map<String, String> hashes = new HashMap<>();
        Function<String, String> encode = password -> hashes.computeIfAbsent(password, passwordEncoder::encode);
        return requests.stream().map(request -> users.save(checked(request, false, encode))).toList();
    }

    private StaffUser checked(NewStaffUser request, boolean mustChange) {
        return checked(request, mustChange, passwordEncoder::encode);
    }

    private StaffUser checked(NewStaffUser request, boolean mustChange, Function<String, String> encode) {
        String username = request.username() == null ? "" : request.username().trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username",
                    "Username must be 3 to 60 characters: lower-case letters, numbers, dots, hyphens or underscores");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new InvalidInputException("username", "That username is already taken");
        }
        String name = PersonName.check("displayName", request.displayName(), "Enter the person's full name");
        if (request.role() == null || request.role() == Role.PATIENT) {
            throw new InvalidInputException("role", "Select a staff role");
        }
        if (request.organisationCode() == null || organisations.providerName(request.organisationCode()).isEmpty()) {
            throw new InvalidInputException("organisationCode", "Select the organisation the person works for");
        }
        StaffUser user = StaffUser.create(username, name, encode.apply(checkedPassword(request.password())), request.role(),
                request.organisationCode(), clock.instant());
        if (!mustChange) {
            user.choosePassword(encode.apply(request.password()));
        }
        return user;
    }

    /** Sets a password the owner must change at their next sign-in; lifts any lock. */
    @Transactional
    public void resetPassword(UUID id, String newPassword) {
        StaffUser user = managed(id, AuditAction.ACCOUNT_PASSWORD_RESET);
        user.resetPassword(passwordEncoder.encode(checkedPassword(newPassword)));
        users.save(user);
        throttle.clear(SignInThrottle.Scope.ACCOUNT, user.username());
        audit.allowed(null, AuditAction.ACCOUNT_PASSWORD_RESET, RESOURCE, user.username());
    }

    @Transactional
    public void setEnabled(UUID id, boolean enabled) {
        AuditAction action = enabled ? AuditAction.ACCOUNT_ENABLE : AuditAction.ACCOUNT_DISABLE;
        StaffUser user = managed(id, action);
        if (enabled) {
            user.enable();
        } else {
            if (user.username().equals(currentActor.get().username())) {
                throw new InvalidInputException("enabled", "You cannot disable your own account");
            }
            user.disable();
        }
        users.save(user);
        audit.allowed(null, action, RESOURCE, user.username());
    }

    /** Gives the account another staff role (never system administrator, never patient). */
    @Transactional
    public void changeRole(UUID id, Role role) {
        StaffUser user = managed(id, AuditAction.ACCOUNT_ROLE_CHANGE);
        if (role == null || role == Role.PATIENT || role == Role.SYSTEM_ADMIN) {
            throw new InvalidInputException("role", "Select a staff role");
        }
        if (user.username().equals(currentActor.get().username())) {
            throw new InvalidInputException("role", "Ask another administrator to change your own role");
        }
        Role before = user.role();
        user.changeRole(role);
        users.save(user);
        audit.allowed(null, AuditAction.ACCOUNT_ROLE_CHANGE, RESOURCE, user.username() + " (" + before.name() + " to " + role.name() + ")");
    }

    /** Lifts a lock without changing the password. */
    @Transactional
    public void unlock(UUID id) {
        StaffUser user = managed(id, AuditAction.ACCOUNT_UNLOCK);
        user.unlock();
        users.save(user);
        throttle.clear(SignInThrottle.Scope.ACCOUNT, user.username());
        audit.allowed(null, AuditAction.ACCOUNT_UNLOCK, RESOURCE, user.username());
    }

    /**
     * The owner of a password an administrator set replaces it with their own, proving they know the
     * one they were given. Refused the same way whatever was wrong, so it reveals no account.
     */
    @Transactional
    public void chooseOwnPassword(String username, String currentPassword, String newPassword) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        StaffUser user = users.findByUsername(name)
                .filter(u -> u.enabled() && currentPassword != null && passwordEncoder.matches(currentPassword, u.passwordHash()))
                .orElseThrow(() -> new InvalidInputException("currentPassword", "Enter your username and the password you were given"));
        if (newPassword != null && passwordEncoder.matches(newPassword, user.passwordHash())) {
            throw new InvalidInputException("newPassword", "Choose a password different from the one you were given");
        }
        user.choosePassword(passwordEncoder.encode(checkedPassword(newPassword)));
        users.save(user);
        currentActor.runAs(new Actor(user.username(), user.displayName(), user.role(), user.organisationCode(), java.util.Set.of(), null), () -> {
            audit.allowed(null, AuditAction.ACCOUNT_PASSWORD_CHOSEN, RESOURCE, user.username());
            return null;
        });
    }

    /** The accounts the administrator may manage: their organisation's (every organisation's for a system administrator). */
    public List<StaffUser> all() {
        Actor admin = administrator();
        return users.findAllByOrderByOrganisationCodeAscUsernameAsc().stream().filter(u -> mayManage(admin, u.organisationCode())).toList();
    }

    /** One account the administrator may manage; another organisation's is refused (and the refusal audited). */
    public StaffUser read(UUID id) {
        return managed(id, AuditAction.ACCOUNT_READ);
    }

    /** The organisations the administrator may create accounts in. */
    public List<Organisations.Provider> organisations() {
        Actor admin = administrator();
        return organisations.providers().stream().filter(p -> mayManage(admin, p.code())).toList();
    }

    public Optional<StaffUser> find(UUID id) {
        return users.findById(id);
    }

    public Optional<StaffUser> findByUsername(String username) {
        return users.findByUsername(username);
    }

    private Actor administrator() {
        Actor actor = currentActor.get();
        if (!actor.role().administersAccounts()) {
            throw new AccessDeniedException("Only administrators manage staff accounts");
        }
        return actor;
    }

    private static boolean mayManage(Actor admin, String organisationCode) {
        return admin.role() == Role.SYSTEM_ADMIN || admin.organisationCode().equals(organisationCode);
    }

    private StaffUser managed(UUID id, AuditAction action) {
        Actor admin = administrator();
        StaffUser user = get(id);
        if (!mayManage(admin, user.organisationCode()) || user.role() == Role.SYSTEM_ADMIN && admin.role() != Role.SYSTEM_ADMIN) {
            audit.denied(null, action, RESOURCE, user.username());
            // another organisation's account is "not found", so its existence is not confirmed either
            throw new NotFoundException("No such staff account");
        }
        return user;
    }

    StaffUser get(UUID id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("No such staff account"));
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
