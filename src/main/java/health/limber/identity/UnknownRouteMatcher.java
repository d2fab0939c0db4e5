package health.limber.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches a request that no controller answers. Such a request is let through security so that it
 * reaches "Page not found" (404) for everyone: a member of the public who mistypes a public address
 * must not be sent to the staff sign-in page. An address a controller does answer (even with another
 * method) never matches, so every real page keeps its sign-in rule.
 */
final class UnknownRouteMatcher implements RequestMatcher {

    private final ObjectProvider<RequestMappingHandlerMapping> routes;

    UnknownRouteMatcher(ObjectProvider<RequestMappingHandlerMapping> routes) {
        this.routes = routes;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        RequestMappingHandlerMapping mapping = routes.getIfAvailable();
        if (mapping == null) {
            return false;
        }
        // looked up on a copy of the request's attributes, so the real dispatch starts clean
        HttpServletRequest isolated = new OwnAttributes(request);
        ServletRequestPathUtils.parseAndCache(isolated);
        try {
            return mapping.getHandler(isolated) == null;
        } catch (Exception knownButRefused) {
            // wrong method or media type: the address exists
            return false;
        }
    }

    /** The request as it is, but with attributes of its own. */
    private static final class OwnAttributes extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();
        private final Set<String> removed = new HashSet<>();

        OwnAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            if (attributes.containsKey(name)) {
                return attributes.get(name);
            }
            return removed.contains(name) ? null : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
            removed.remove(name);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
            removed.add(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
            names.removeAll(removed);
            names.addAll(attributes.keySet());
            return Collections.enumeration(names);
        }
    }
}
