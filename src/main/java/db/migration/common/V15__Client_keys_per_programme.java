package db.migration.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Client keys of session logs and ratings become the patient's, per programme, instead of global:
 * a key looked up across all patients let one patient replay another's key and read their log.
 * The old unique constraints were declared inline, so each database named them its own way; they are
 * found by column in the information schema (H2 and PostgreSQL both have it). Also adds the moment a
 * session was done ({@code done_at}), which a phone sends with a log saved offline.
 */
public class V15__Client_keys_per_programme extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (String table : List.of("session_log", "usefulness_rating")) {
            for (String constraint : uniqueConstraintsOn(connection, table, "client_key")) {
                execute(connection, "alter table " + table + " drop constraint " + quoted(constraint));
            }
            execute(connection, "alter table " + table + " add constraint " + table + "_key_per_programme unique (programme_id, client_key)");
        }
        execute(connection, "alter table session_log add column done_at timestamp with time zone");
    }

    private static List<String> uniqueConstraintsOn(Connection connection, String table, String column) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var statement = connection.prepareStatement("""
                select tc.constraint_name
                from information_schema.table_constraints tc
                join information_schema.key_column_usage k
                  on k.constraint_name = tc.constraint_name and k.table_name = tc.table_name and k.table_schema = tc.table_schema
                where lower(tc.table_name) = ? and tc.constraint_type = 'UNIQUE' and lower(k.column_name) = ?
                  and tc.table_schema = current_schema""")) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
