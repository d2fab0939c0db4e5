package health.limber.platform;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.SqlTypeValue;

/**
 * What every typed id (PatientId, ReferralId, PathwayId and the rest) is: a UUID with a name. As
 * a query parameter it binds as its UUID, so an id passed whole to {@code JdbcClient.param} or
 * to a batch row is stored as the column expects rather than failing at run time.
 */
public interface TypedId extends SqlTypeValue {

    UUID value();

    @Override
    default void setTypeValue(PreparedStatement statement, int index, int sqlType, String typeName) throws SQLException {
        statement.setObject(index, value());
    }
}
