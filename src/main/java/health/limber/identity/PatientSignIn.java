package health.limber.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.http.HttpMethod;

/**
 * Patient sign-in with an access code and date of birth. On success the device is remembered for
 * 30 days (see {@link SecurityConfiguration}), so the single-use code is needed only once.
 */
final class PatientSignIn {

    private PatientSignIn() {}

    /** The form post: {@code code}, {@code dobDay}, {@code dobMonth}, {@code dobYear}. */
    static final class Filter extends AbstractAuthenticationProcessingFilter {

        Filter() {
            super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/patient/sign-in"));
        }

        @Override
        public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
            LocalDate birthDate;
            try {
                birthDate = LocalDate.of(Integer.parseInt(request.getParameter("dobYear").trim()),
                        Integer.parseInt(request.getParameter("dobMonth").trim()),
                        Integer.parseInt(request.getParameter("dobDay").trim()));
            } catch (NullPointerException | NumberFormatException | DateTimeException e) {
                throw new BadCredentialsException("date of birth is not a real date");
            }
            return getAuthenticationManager().authenticate(new Token(request.getParameter("code"), birthDate));
        }
    }

    /** Checks the code through {@link AccessCodes} and signs the patient in. */
    static final class Provider implements AuthenticationProvider {

        private final AccessCodes accessCodes;
        private final LimberUserDetailsService users;

        Provider(AccessCodes accessCodes, LimberUserDetailsService users) {
            this.accessCodes = accessCodes;
            this.users = users;
        }

        @Override
        public Authentication authenticate(Authentication authentication) throws AuthenticationException {
            Token token = (Token) authentication;
            var patientId = accessCodes.redeem(token.code, token.birthDate);
            LimberUser user = users.patient(patientId);
            return new Token(user);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return Token.class.isAssignableFrom(authentication);
        }
    }

    static final class Token extends AbstractAuthenticationToken {

        private final String code;
        private final LocalDate birthDate;
        private final LimberUser user;

        Token(String code, LocalDate birthDate) {
            super(List.of());
            this.code = code;
            this.birthDate = birthDate;
            this.user = null;
        }

        Token(LimberUser user) {
            super((Collection<? extends GrantedAuthority>) user.getAuthorities());
            this.code = null;
            this.birthDate = null;
            this.user = user;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return user != null ? user : code;
        }
    }
}
