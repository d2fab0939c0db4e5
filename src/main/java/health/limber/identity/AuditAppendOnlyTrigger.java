package health.limber.identity;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's counterpart of the PostgreSQL trigger: the audit trail refuses UPDATE and DELETE. */
public class AuditAppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only: rows cannot be changed or deleted");
    }
}
