package health.limber.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts {@link SignInThrottle} in front of a sign-in check: a try that must wait is refused before the
 * password or code is looked at; a failed try is counted against the client's address (and, for
 * staff, the username typed); a successful staff sign-in forgets the username's failures and
 * remembers the device.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider check;
    private final SignInThrottle throttle;
    private final KnownDevices devices;
    private final boolean staff;
    private final boolean secureCookies;

    private ThrottledSignIn(AuthenticationProvider check, SignInThrottle throttle, KnownDevices devices, boolean staff, boolean secureCookies) {
        this.check = check;
        this.throttle = throttle;
        this.devices = devices;
        this.staff = staff;
        this.secureCookies = secureCookies;
    }

    static ThrottledSignIn staff(AuthenticationProvider passwords, SignInThrottle throttle, KnownDevices devices, boolean secureCookies) {
        return new ThrottledSignIn(passwords, throttle, devices, true, secureCookies);
    }

    static ThrottledSignIn patients(AuthenticationProvider codes, SignInThrottle throttle) {
        return new ThrottledSignIn(codes, throttle, null, false, true);
    }

    /** Refused because of earlier failures; says how long to wait, and nothing about the account. */
    static final class Throttled extends AuthenticationException {
        private final Duration wait;

        Throttled(Duration wait) {
            super("too many failed sign-ins; wait " + wait.toSeconds() + " s");
            this.wait = wait;
        }

        Duration waitFor() {
            return wait;
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!check.supports(authentication.getClass())) {
            return null;
        }
        Optional<ServletRequestAttributes> web = Optional.ofNullable((ServletRequestAttributes) RequestContextHolder.getRequestAttributes());
        String address = web.map(w -> w.getRequest().getRemoteAddr()).orElse("unknown");
        SignInThrottle.Scope addressScope = staff ? SignInThrottle.Scope.ADDRESS : SignInThrottle.Scope.PATIENT_ADDRESS;
        String account = staff ? username(authentication) : null;
        String deviceToken = web.map(w -> cookie(w.getRequest())).orElse(null);
        boolean knownDevice = staff && devices.isKnown(account, deviceToken);

        Optional<Duration> wait = throttle.waitFor(addressScope, address);
        if (wait.isEmpty() && staff && !knownDevice) {
            wait = throttle.waitFor(SignInThrottle.Scope.ACCOUNT, account);
        }
        if (wait.isPresent()) {
            throw new Throttled(wait.get());
        }
        Authentication result;
        try {
            result = check.authenticate(authentication);
        } catch (org.springframework.security.authentication.CredentialsExpiredException rightPasswordToReplace) {
            // the password was right; its owner must now choose their own: not a failure
            throttle.clear(SignInThrottle.Scope.ACCOUNT, account == null ? "" : account);
            throw rightPasswordToReplace;
        } catch (AuthenticationException refused) {
            throttle.failed(addressScope, address);
            if (staff) {
                throttle.failed(SignInThrottle.Scope.ACCOUNT, account);
            }
            throw refused;
        }
        if (staff && result != null) {
            throttle.clear(SignInThrottle.Scope.ACCOUNT, account);
            web.filter(w -> w.getResponse() != null && "/sign-in".equals(pathOf(w.getRequest())))
                    .ifPresent(w -> rememberDevice(w.getResponse(), account, deviceToken));
        }
        return result;
    }

    private void rememberDevice(HttpServletResponse response, String account, String existingToken) {
        String token = devices.remember(account, existingToken);
        response.addHeader("Set-Cookie", ResponseCookie.from(KnownDevices.COOKIE, token).httpOnly(true).secure(secureCookies)
                .sameSite("Strict").path("/").maxAge(Duration.ofDays(KnownDevices.DAYS)).build().toString());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return check.supports(authentication);
    }

    /** The username as typed, in the form accounts are kept (at most 100 characters are counted). */
    static String username(Authentication authentication) {
        String name = authentication.getName() == null ? "" : authentication.getName().trim().toLowerCase(Locale.ROOT);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static String cookie(HttpServletRequest request) {
        return request.getCookies() == null ? null : Arrays.stream(request.getCookies()).filter(c -> KnownDevices.COOKIE.equals(c.getName()))
                .map(Cookie::getValue).findFirst().orElse(null);
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
