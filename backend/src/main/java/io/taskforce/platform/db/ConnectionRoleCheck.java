package io.taskforce.platform.db;

import io.micronaut.context.annotation.Context;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * Refuses to start when the application's own connection could step over row-level security (see
 * {@link ConnectionRole}): checked eagerly at start, in every environment, before any request is served.
 */
@Context
final class ConnectionRoleCheck {

    ConnectionRoleCheck(DataSource dataSource) {
        try (var connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            var problems = ConnectionRole.of(connection).problems();
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The application's database connection must not bypass row-level security: "
                        + String.join("; ", problems) + ". Connect as a role that is not superuser, not BYPASSRLS and owns no table"
                        + " (migrations run as the owner role).");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the application's database role", e);
        }
    }
}
