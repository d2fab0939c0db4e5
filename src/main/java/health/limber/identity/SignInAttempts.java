package health.limber.identity;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed staff sign-ins (password form and HTTP Basic alike) towards the account lock. */
@Component
class SignInAttempts {

    private final StaffAccounts accounts;

    SignInAttempts(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                && token.getName() != null) {
            accounts.recordFailedSignIn(token.getName().trim().toLowerCase());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof LimberUser user && user.actor().role().isStaff()
                && event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            accounts.recordSuccessfulSignIn(user.getUsername());
        }
    }
}
