package health.limber.identity;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in person for the request being served. */
@Component
public class CurrentActor {

    public Actor get() {
        return find().orElseThrow(() -> new AccessDeniedException("Sign in to continue"));
    }

    /**
     * Runs work on behalf of someone outside a request (demo data, scheduled jobs), so the work is
     * checked and audited as theirs; the previous security context is restored afterwards.
     */
    public <T> T runAs(Actor actor, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        LimberUser user = new LimberUser(actor, "", true, false);
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LimberUser user) {
            return Optional.of(user.actor());
        }
        return Optional.empty();
    }
}
