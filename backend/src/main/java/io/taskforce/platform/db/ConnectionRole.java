package io.taskforce.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the application's database role may do that it must not: row-level security is the second wall between
 * tenants only if the role it binds cannot step over it. A superuser or a BYPASSRLS role ignores every policy, and
 * the owner of a table is exempt from its policies unless they are forced (and may drop them).
 */
public record ConnectionRole(String name, boolean superuser, boolean bypassRls, List<String> ownedTables) {

    public static ConnectionRole of(Connection connection) throws SQLException {
        try (var st = connection.createStatement();
             var role = st.executeQuery("select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
            role.next();
            String name = role.getString(1);
            boolean superuser = role.getBoolean(2);
            boolean bypass = role.getBoolean(3);
            var owned = new ArrayList<String>();
            try (var tables = st.executeQuery("select tablename from pg_tables where tableowner = current_user and schemaname = 'public' order by 1")) {
                while (tables.next()) {
                    owned.add(tables.getString(1));
                }
            }
            return new ConnectionRole(name, superuser, bypass, List.copyOf(owned));
        }
    }

    /** Why this role must not serve the application; empty when it may. */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (superuser) {
            problems.add("role " + name + " is a superuser");
        }
        if (bypassRls) {
            problems.add("role " + name + " has BYPASSRLS");
        }
        if (!ownedTables.isEmpty()) {
            problems.add("role " + name + " owns tables " + String.join(", ", ownedTables.subList(0, Math.min(5, ownedTables.size())))
                    + (ownedTables.size() > 5 ? " and " + (ownedTables.size() - 5) + " more" : ""));
        }
        return problems;
    }
}
