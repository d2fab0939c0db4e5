package health.limber.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Two requests of one session at the same moment (two tabs, a phone's service worker fetching
 * pages while a form is sent) can both add the same session attribute. Spring Session's plain
 * INSERT then fails one of them; an upsert (PostgreSQL's ON CONFLICT, H2's MERGE) lets both succeed.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    static final String H2_CREATE_ATTRIBUTE = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentSessionAttributes(@Value("${spring.datasource.url}") String url) {
        if (url.startsWith("jdbc:postgresql")) {
            return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        }
        return repository -> repository.setCreateSessionAttributeQuery(H2_CREATE_ATTRIBUTE);
    }
}
