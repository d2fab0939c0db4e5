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

    public Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LimberUser user) {
            return Optional.of(user.actor());
        }
        return Optional.empty();
    }
}
