package health.limber.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** Spring Security's view of a signed-in person; pages read {@code displayName} and {@code roleLabel}. */
final class LimberUser implements UserDetails, CredentialsContainer {

    static final String PATIENT_PREFIX = "patient:";

    private final Actor actor;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final boolean passwordMustChange;

    LimberUser(Actor actor, String passwordHash, boolean enabled, boolean locked) {
        this(actor, passwordHash, enabled, locked, false);
    }

    LimberUser(Actor actor, String passwordHash, boolean enabled, boolean locked, boolean passwordMustChange) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.passwordMustChange = passwordMustChange;
    }

    static LimberUser patient(UUID patientId, String displayName) {
        Actor actor = new Actor(PATIENT_PREFIX + patientId, displayName, Role.PATIENT, null, Set.of(), patientId);
        return new LimberUser(actor, "", true, false);
    }

    public Actor actor() {
        return actor;
    }

    public String getDisplayName() {
        return actor.displayName();
    }

    public String getRoleLabel() {
        return actor.role().label();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        // a system administrator can also do what an administrator does (their pages, within every organisation)
        return actor.role() == Role.SYSTEM_ADMIN
                ? List.of(new SimpleGrantedAuthority(actor.role().authority()), new SimpleGrantedAuthority(Role.ADMIN.authority()))
                : List.of(new SimpleGrantedAuthority(actor.role().authority()));
    }

    /** A password an administrator set: checked as usual, then the person must choose their own before anything else. */
    @Override
    public boolean isCredentialsNonExpired() {
        return !passwordMustChange;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
