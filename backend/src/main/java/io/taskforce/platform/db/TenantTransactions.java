package io.taskforce.platform.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Opens the transactions in which tenant data is touched. Each one starts by setting {@code app.tenant_id}
 * transaction-locally, which the row-level security policies read; when the transaction ends the setting is
 * gone, so a pooled connection carries nothing to its next user. If the setting cannot be made, the work does
 * not run. Callers decide the tenant only after their authorization check (the token for clients, the object
 * acted on for staff and admins) — never from request input.
 */
@Singleton
public class TenantTransactions {

    /** The platform's own audit chain and other platform-scoped rows use this reserved id. */
    public static final UUID PLATFORM = new UUID(0L, 0L);

    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;

    TenantTransactions(TransactionOperations<Connection> transactions, JdbcOperations jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public <T> T write(UUID tenantId, Supplier<T> work) {
        return transactions.execute(TransactionDefinition.DEFAULT, status -> {
            bind(status.getConnection(), tenantId);
            return work.get();
        });
    }

    public <T> T read(UUID tenantId, Supplier<T> work) {
        return transactions.execute(TransactionDefinition.READ_ONLY, status -> {
            bind(status.getConnection(), tenantId);
            return work.get();
        });
    }

    /**
     * A transaction on case data: binds who acts (and the tenant, when known: always for a client) before the work
     * runs. Staff without a tenant see their teams' cases across tenants; {@link #narrowTo} then binds the tenant of
     * the case they act on.
     */
    public <T> T write(Actor actor, @Nullable UUID tenantId, Supplier<T> work) {
        return transactions.execute(TransactionDefinition.DEFAULT, status -> {
            bind(status.getConnection(), actor, tenantId);
            return work.get();
        });
    }

    public <T> T read(Actor actor, @Nullable UUID tenantId, Supplier<T> work) {
        return transactions.execute(TransactionDefinition.READ_ONLY, status -> {
            bind(status.getConnection(), actor, tenantId);
            return work.get();
        });
    }

    /**
     * A transaction that says only which user acts, for the rows that belong to a person rather than to a case
     * (their notifications, across tenants): policies compare the row's owner with {@code app.user_id}.
     */
    public <T> T asUser(UUID userId, boolean readOnly, Supplier<T> work) {
        return transactions.execute(readOnly ? TransactionDefinition.READ_ONLY : TransactionDefinition.DEFAULT, status -> {
            settings(status.getConnection(), "app.user_id", userId.toString());
            return work.get();
        });
    }

    /**
     * A transaction of the notification dispatcher, which works across tenants on the notify tables only; the
     * policies of every other tenant table still see no tenant, and those of case tables refuse it loudly.
     */
    public <T> T asDispatcher(Supplier<T> work) {
        return transactions.execute(TransactionDefinition.DEFAULT, status -> {
            settings(status.getConnection(), "app.actor", "dispatcher");
            return work.get();
        });
    }

    /** Inside a transaction with no tenant bound yet, binds the tenant of the object about to be acted on. */
    public void narrowTo(UUID tenantId) {
        String bound = setting("app.tenant_id");
        if (!bound.isEmpty() && !bound.equals(tenantId.toString())) {
            throw new IllegalStateException("a transaction of another tenant is already in progress");
        }
        setConfig(tenantId);
    }

    /**
     * Inside a transaction in progress, acts for a moment as another tenant and then restores the first one,
     * so that one atomic change can touch two scopes — only for the platform's audit chain, whose events
     * record changes made in a tenant's scope (an invitation adds a member to the tenant).
     */
    public <T> T switchedTo(UUID tenantId, Supplier<T> work) {
        UUID original = current();
        setConfig(tenantId);
        try {
            return work.get();
        } finally {
            setConfig(original);
        }
    }

    private void setConfig(UUID tenantId) {
        jdbc.prepareStatement("select set_config('app.tenant_id', ?, true)", ps -> {
            ps.setString(1, tenantId.toString());
            return ps.execute();
        });
    }

    /** The tenant of the transaction in progress, for code that must run inside one. */
    public UUID current() {
        String value = setting("app.tenant_id");
        if (value.isBlank()) {
            throw new IllegalStateException("no tenant transaction in progress");
        }
        return UUID.fromString(value);
    }

    private String setting(String name) {
        String value = jdbc.prepareStatement("select current_setting(?, true)", ps -> {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        return value == null ? "" : value;
    }

    private static void bind(Connection connection, Actor actor, @Nullable UUID tenantId) {
        if (tenantId != null) {
            bind(connection, tenantId);
        }
        try (var set = connection.prepareStatement(
                "select set_config('app.actor', ?, true), set_config('app.user_id', ?, true)")) {
            set.setString(1, actor.kind().setting());
            set.setString(2, actor.userId().toString());
            set.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bind the transaction to its actor", e);
        }
    }

    private static void settings(Connection connection, String name, String value) {
        try (var set = connection.prepareStatement("select set_config(?, ?, true)")) {
            set.setString(1, name);
            set.setString(2, value);
            set.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bind the transaction to " + name, e);
        }
    }

    private static void bind(Connection connection, UUID tenantId) {
        try (var check = connection.prepareStatement("select current_setting('app.tenant_id', true)");
             var rs = check.executeQuery()) {
            rs.next();
            String bound = rs.getString(1);
            // joining an outer transaction of another tenant would mix two tenants' rows: refuse
            if (bound != null && !bound.isEmpty() && !bound.equals(tenantId.toString())) {
                throw new IllegalStateException("a transaction of another tenant is already in progress");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tenant of the transaction", e);
        }
        try (var set = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            set.setString(1, tenantId.toString());
            set.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bind the transaction to its tenant", e);
        }
    }
}
