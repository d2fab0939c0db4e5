package health.limber.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which database Limber runs on, for the few statements written differently for PostgreSQL (COPY,
 * lateral joins, planner settings) and for H2. Asked of the database once, on first use.
 */
@Component
public class DatabaseKind {

    private final DataSource dataSource;
    private volatile Boolean postgres;

    DatabaseKind(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot tell which database this is", e);
            }
            postgres = known;
        }
        return known;
    }
}
