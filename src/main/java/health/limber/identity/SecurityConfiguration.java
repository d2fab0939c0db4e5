package health.limber.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may reach what. Staff sign in with a password (form, or HTTP Basic for integrators); patients
 * with an access code and date of birth, then stay signed in on that device for 30 days. CSRF on
 * every form, a strict Content-Security-Policy (no inline script or style), sessions in the database.
 * Record-level rules (which ICB, whose record) are enforced in each module's service.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI sets inline styles; only its own pages get this relaxation. */
    static final String CSP_API_DOCS = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final Duration REMEMBERED_DEVICE = Duration.ofDays(30);

    /** The patient's remembered-device cookie is never sent with another site's requests (as the session cookie). */
    @Bean
    org.springframework.boot.web.server.servlet.CookieSameSiteSupplier deviceCookieSameSite() {
        return org.springframework.boot.web.server.servlet.CookieSameSiteSupplier.ofLax().whenHasName("LIMBER_DEVICE");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    PersistentTokenBasedRememberMeServices rememberedDevices(@Value("${limber.security.device-key:limber-device}") String key,
            LimberUserDetailsService users, DataSource dataSource,
            @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies) {
        JdbcTokenRepositoryImpl tokens = new JdbcTokenRepositoryImpl();
        tokens.setDataSource(dataSource);
        PersistentTokenBasedRememberMeServices services = new PersistentTokenBasedRememberMeServices(key, users, tokens) {
            @Override
            protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response,
                                          org.springframework.security.core.Authentication authentication) {
                // Only patients' devices are remembered; staff sign in every session.
                if (authentication.getPrincipal() instanceof LimberUser user && user.actor().isPatient()) {
                    super.onLoginSuccess(request, response, authentication);
                }
            }
        };
        services.setAlwaysRemember(true);
        services.setTokenValiditySeconds((int) REMEMBERED_DEVICE.toSeconds());
        services.setCookieName("LIMBER_DEVICE");
        services.setUseSecureCookie(secureCookies);
        return services;
    }

    @Bean
    SecurityFilterChain limberSecurity(HttpSecurity http, LimberUserDetailsService users, PasswordEncoder passwordEncoder,
            AccessCodes accessCodes, PersistentTokenBasedRememberMeServices rememberedDevices,
            ApplicationEventPublisher events, SignInThrottle throttle, KnownDevices devices,
            @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> routes)
            throws Exception {
        var staffManager = new ProviderManager(ThrottledSignIn.staff(staffPasswords(users, passwordEncoder), throttle, devices, secureCookies),
                new RememberMeAuthenticationProvider(rememberedDevices.getKey()));
        staffManager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));

        var csrfTokens = new HttpSessionCsrfTokenRepository();
        var contextRepository = new HttpSessionSecurityContextRepository();

        var patientSignIn = patientSignIn(accessCodes, users, throttle, rememberedDevices, contextRepository, csrfTokens);

        RequestMatcher api = path("/api/**");
        http
            .authenticationManager(staffManager)
            .securityContext(context -> context.securityContextRepository(contextRepository))
            .authorizeHttpRequests(auth -> authorize(auth, routes))
            .formLogin(form -> form
                .loginPage("/sign-in")
                .failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
                        + (exception instanceof CredentialsExpiredException ? "/sign-in/new-password" : "/sign-in?error=" + staffFailure(exception))))
                .defaultSuccessUrl("/", true))
            .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint()))
            .rememberMe(remember -> remember.rememberMeServices(rememberedDevices))
            .addFilterBefore(patientSignIn, UsernamePasswordAuthenticationFilter.class)
            .logout(logout -> logout
                .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.POST, "/sign-out"))
                .logoutSuccessUrl("/?signedOut")
                .deleteCookies("LIMBER_SESSION", "LIMBER_DEVICE"))
            .csrf(csrf -> csrf
                .csrfTokenRepository(csrfTokens)
                // Integrators authenticate each call with an Authorization header, never a cookie: only such a
                // request goes without a CSRF token. One that also carries a session or device cookie (a browser
                // could be tricked into adding a header) must have the token like any form.
                .ignoringRequestMatchers(SecurityConfiguration::authenticatesByHeaderAlone))
            .exceptionHandling(errors -> errors
                .authenticationEntryPoint(entryPoints(api))
                .accessDeniedHandler(deniedHandlers(api)))
            .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /** The patient's sign-in (access code and date of birth), remembered on the device; a new session id and CSRF token after it. */
    private static PatientSignIn.Filter patientSignIn(AccessCodes accessCodes, LimberUserDetailsService users, SignInThrottle throttle,
                                                      PersistentTokenBasedRememberMeServices rememberedDevices,
                                                      HttpSessionSecurityContextRepository contextRepository, HttpSessionCsrfTokenRepository csrfTokens) {
        var patientSignIn = new PatientSignIn.Filter();
        patientSignIn.setAuthenticationManager(new ProviderManager(ThrottledSignIn.patients(new PatientSignIn.Provider(accessCodes, users), throttle)));
        patientSignIn.setRememberMeServices(rememberedDevices);
        patientSignIn.setSecurityContextRepository(contextRepository);
        patientSignIn.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens))));
        patientSignIn.setAuthenticationSuccessHandler((request, response, authentication) ->
                response.sendRedirect(request.getContextPath() + "/my"));
        patientSignIn.setAuthenticationFailureHandler((request, response, exception) ->
                response.sendRedirect(request.getContextPath() + "/patient/sign-in?error=" + patientFailure(exception)));
        return patientSignIn;
    }

    /** Who may reach which address: public pages, then each area by role; an unknown address is "not found" for everyone. */
    private static void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
                                  ObjectProvider<RequestMappingHandlerMapping> routes) {
        auth
            .requestMatchers(path("/"), path("/sign-in"), path("/sign-in/new-password"), path("/patient/sign-in"), path("/css/**"), path("/js/**"),
                    path("/webjars/**"), path("/favicon.svg"), path("/sw.js"), path("/manifest.webmanifest"), path("/accessibility"), path("/privacy"),
                    path("/error"), path("/error/**"), path("/actuator/health/**"), path("/actuator/info"),
                    path("/api-docs/**"), path("/swagger-ui/**"), path("/swagger-ui.html"),
                    path("/self-referral"), path("/self-referral/**"), path("/wait-well")).permitAll()
            .requestMatchers(path("/admin/**")).hasAnyRole("ADMIN", "SYSTEM_ADMIN")
            .requestMatchers(path("/my/**"), path("/my")).hasRole("PATIENT")
            .requestMatchers(path("/patients/**")).hasAnyRole("CLINICIAN", "SERVICE_MANAGER")
            .requestMatchers(path("/referrals/new"), PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.POST, "/referrals"))
                    .hasAnyRole("CLINICIAN", "SERVICE_MANAGER", "ADMIN")
            .requestMatchers(path("/referrals"), path("/referrals/**")).hasAnyRole("CLINICIAN", "SERVICE_MANAGER")
            .requestMatchers(path("/hubs"), path("/hubs/**")).hasAnyRole("CLINICIAN", "SERVICE_MANAGER", "ANALYST")
            .requestMatchers(path("/messages")).hasAnyRole("CLINICIAN", "SERVICE_MANAGER")
            .requestMatchers(path("/exercises"), path("/exercises/**"), path("/programmes"), path("/programmes/**")).hasAnyRole("CLINICIAN", "SERVICE_MANAGER")
            .requestMatchers(path("/clinic-days"), path("/clinic-days/**"), path("/classes"), path("/classes/**")).hasAnyRole("CLINICIAN", "SERVICE_MANAGER")
            .requestMatchers(path("/episodes"), path("/episodes/**")).hasAnyRole("CLINICIAN", "SERVICE_MANAGER")
            .requestMatchers(path("/outcomes"), path("/outcomes/**")).hasAnyRole("SERVICE_MANAGER", "ANALYST")
            .requestMatchers(path("/reports"), path("/reports/**")).hasAnyRole("SERVICE_MANAGER", "ANALYST")
            .requestMatchers(path("/support/report"), path("/support/report.csv"), path("/support/report.pdf")).hasAnyRole("SERVICE_MANAGER", "ANALYST")
            .requestMatchers(path("/support"), path("/support/**")).hasAnyRole("EMPLOYMENT_ADVISER", "DEBT_ADVISER", "CLINICIAN", "SERVICE_MANAGER")
            .requestMatchers(path("/appointments"), path("/appointments/**")).hasAnyRole("CLINICIAN", "SERVICE_MANAGER")
            .requestMatchers(path("/waiting-list/import")).hasRole("SERVICE_MANAGER")
            .requestMatchers(path("/waiting-list/pathways/**"), path("/waiting-list/validation")).hasAnyRole("CLINICIAN", "SERVICE_MANAGER")
            .requestMatchers(path("/waiting-list"), path("/waiting-list/**")).hasAnyRole("CLINICIAN", "SERVICE_MANAGER", "ANALYST")
            // an address nothing answers is "Page not found" for everyone, never a sign-in page
            .requestMatchers(new UnknownRouteMatcher(routes)).permitAll()
            .anyRequest().authenticated();
    }

    /** Content security policy (a looser one for the API documentation's own page), referrer policy, HSTS and permissions policy. */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(path("/swagger-ui/**"),
                    new StaticHeadersWriter("Content-Security-Policy", CSP_API_DOCS)))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(path("/swagger-ui/**")),
                    new StaticHeadersWriter("Content-Security-Policy", CSP)))
            .referrerPolicy(referrer -> referrer.policy(
                    org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
            // sent only over HTTPS (directly, or as the proxy says with forwarded headers): a year, with subdomains
            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
            .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"));
    }

    static boolean authenticatesByHeaderAlone(HttpServletRequest request) {
        if (request.getHeader("Authorization") == null) {
            return false;
        }
        return request.getCookies() == null || java.util.Arrays.stream(request.getCookies())
                .noneMatch(c -> c.getName().equals("LIMBER_SESSION") || c.getName().equals("LIMBER_DEVICE"));
    }

    private static DaoAuthenticationProvider staffPasswords(LimberUserDetailsService users, PasswordEncoder encoder) {
        UserDetailsService staffOnly = username -> {
            if (username == null || username.startsWith(LimberUser.PATIENT_PREFIX)) {
                throw new UsernameNotFoundException("Patients sign in with an access code");
            }
            return users.loadUserByUsername(username);
        };
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(staffOnly);
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    /**
     * One message for every refusal (wrong password, unknown username, disabled account), so the page
     * never tells a real username from an unknown one; only a wait is told apart.
     */
    static String staffFailure(AuthenticationException exception) {
        return exception instanceof ThrottledSignIn.Throttled ? "throttled" : "credentials";
    }

    /** As for staff: a used, expired or withdrawn code is refused like a wrong one, so it never confirms a date of birth. */
    static String patientFailure(AuthenticationException exception) {
        return exception instanceof ThrottledSignIn.Throttled ? "throttled" : "credentials";
    }

    private static AuthenticationEntryPoint entryPoints(RequestMatcher api) {
        var points = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        points.put(api, problemEntryPoint());
        points.put(path("/my/**"), new LoginUrlAuthenticationEntryPoint("/patient/sign-in"));
        points.put(path("/my"), new LoginUrlAuthenticationEntryPoint("/patient/sign-in"));
        var delegating = new DelegatingAuthenticationEntryPoint(points);
        delegating.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in"));
        return delegating;
    }

    private static AuthenticationEntryPoint problemEntryPoint() {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Limber\"");
            writeProblem(response, 401, "unauthorized", "Unauthorized", "Sign in to use this API");
        };
    }

    private static AccessDeniedHandler deniedHandlers(RequestMatcher api) {
        var handlers = new LinkedHashMap<RequestMatcher, AccessDeniedHandler>();
        handlers.put(api, (request, response, exception) ->
                writeProblem(response, 403, "forbidden", "Forbidden", "You do not have access to this"));
        return new RequestMatcherDelegatingAccessDeniedHandler(handlers, new AccessDeniedHandlerImpl());
    }

    private static void writeProblem(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"https://limber.health/problems/" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
