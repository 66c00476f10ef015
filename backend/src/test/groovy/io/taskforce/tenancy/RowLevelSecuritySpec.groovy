package io.taskforce.tenancy

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.taskforce.platform.db.TenantTransactions
import io.taskforce.support.TestServices
import jakarta.inject.Inject
import spock.lang.Shared
import spock.lang.Specification

import javax.sql.DataSource
import java.sql.Connection
import java.sql.SQLException

/**
 * Tenant isolation in PostgreSQL itself, connected as the application role: what the application could do
 * with a forgotten WHERE clause, row-level security must still refuse. Rows are set up as superuser.
 */
@MicronautTest(transactional = false)
class RowLevelSecuritySpec extends Specification {

    static final UUID A = UUID.randomUUID()
    static final UUID B = UUID.randomUUID()

    /** How to insert one row of each tenant table for a tenant (user rows are prepared in setupSpec). */
    static final Map<String, Closure<String>> ROWS = [
            tenant_member   : { UUID t -> "insert into tenant_member (tenant_id, user_id) values ('${t}', '${userOf(t)}')" },
            audit_event     : { UUID t -> """insert into audit_event (tenant_id, seq, occurred_at, actor_subject, actor_username,
                                   actor_roles, action, entity_type, entity_id, prev_hash, hash)
                                   values ('${t}', 1, now(), 's', 'u', 'client', 'x', 'y', 'z', repeat('0', 64), repeat('1', 64))""" },
            audit_chain_head: { UUID t -> "insert into audit_chain_head (tenant_id, last_seq, last_hash) values ('${t}', 1, repeat('1', 64))" },
            audit_checkpoint: { UUID t -> "insert into audit_checkpoint (tenant_id, seq, hash, signed_at, key_id, signature) values ('${t}', 1, repeat('1', 64), now(), 'k', 's')" },
    ]

    @Inject DataSource dataSource
    @Inject TenantTransactions transactions
    @Shared List<String> tenantTables

    static String userOf(UUID tenant) { tenant == A ? '11111111-1111-4111-8111-111111111111' : '22222222-2222-4222-8222-222222222222' }

    def setupSpec() {
        TestServices.superuser().withCloseable { sql ->
            [A, B].each { t ->
                sql.execute("insert into tenant (id, slug, name) values ('${t}', 'rls-${t.toString().take(8)}', 'RLS ${t}')".toString())
                sql.execute("insert into user_account (id, username, role) values ('${userOf(t)}', 'rls-${t}', 'client') on conflict do nothing".toString())
                ROWS.values().each { sql.execute(it(t)) }
            }
            tenantTables = sql.rows('''select c.table_name from information_schema.columns c
                                        join information_schema.tables t using (table_schema, table_name)
                                        where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
                                        order by 1''')*.table_name
        }
    }

    def "every table with a tenant_id column has row-level security enabled and forced"() {
        expect: 'the list is read from the catalog, so a future table cannot be forgotten'
        tenantTables.size() >= 4

        when:
        def unprotected = TestServices.superuser().withCloseable { sql ->
            sql.rows('''select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind = 'r'
                          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                          and not (c.relrowsecurity and c.relforcerowsecurity)''')*.relname
        }

        then:
        unprotected == []
    }

    def "every table we know how to fill is under test, and every tenant table has a policy"() {
        expect:
        ROWS.keySet().toSorted() == tenantTables
        TestServices.superuser().withCloseable { sql ->
            sql.rows("select distinct tablename from pg_policies where schemaname = 'public'")*.tablename.toSorted()
        }.containsAll(tenantTables)
    }

    def "views, if any, run with the caller's rights (security_invoker)"() {
        expect:
        TestServices.superuser().withCloseable { sql ->
            sql.rows('''select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind = 'v'
                          and not coalesce(c.reloptions::text[] @> array['security_invoker=true'], false)''')
        } == []
    }

    def "#table: as tenant A, tenant B's rows are invisible, and cannot be inserted, updated or deleted"() {
        expect:
        asTenant(A) { c -> count(c, table, B) } == 0
        asTenant(A) { c -> count(c, table, A) } == 1

        when: 'inserting a row for B while acting as A'
        asTenant(A) { c -> c.createStatement().execute(ROWS[table](B).replace("values ('${B}'", "values ('${B}'")) }

        then:
        def e = thrown(SQLException)
        e.message.contains('row-level security') || e.message.contains('duplicate key') || e.message.contains('permission denied')

        when: 'updating or deleting every row, WHERE clause forgotten'
        int updated = asTenant(A) { c -> tryUpdate(c, "update ${table} set tenant_id = tenant_id") }
        int deleted = asTenant(A) { c -> tryUpdate(c, "delete from ${table} where tenant_id = '${B}'") }

        then: 'nothing of B was touched'
        deleted == 0
        TestServices.superuser().withCloseable { it.firstRow("select count(*) as n from ${table} where tenant_id = '${B}'".toString()).n } == 1

        where:
        table << ROWS.keySet().toList()
    }

    def "#table: with no tenant set, nothing is visible"() {
        expect:
        withoutTenant { c -> count(c, table, null) } == 0

        where:
        table << ROWS.keySet().toList()
    }

    def "the tenant setting ends with its transaction: the next transaction on the same connection sees nothing"() {
        given:
        Connection c = DelegatingDataSource.unwrapDataSource(dataSource).connection

        when:
        c.autoCommit = false
        c.createStatement().execute("select set_config('app.tenant_id', '${A}', true)")
        long during = count(c, 'audit_event', null)
        c.commit()
        def setting = c.createStatement().executeQuery("select current_setting('app.tenant_id', true)").with { it.next(); it.getString(1) }
        long after = count(c, 'audit_event', null)
        c.rollback()

        then:
        during == 1
        setting == ''
        after == 0

        cleanup:
        c?.close()
    }

    def "TenantTransactions binds the tenant per transaction and refuses to mix two tenants in one"() {
        when:
        long seenAsA = transactions.read(A) { countVia(dataSource, 'audit_event') }
        long seenOutside = withoutTenant { c -> count(c, 'audit_event', null) }

        then:
        seenAsA == 1
        seenOutside == 0

        when:
        transactions.read(A) { transactions.read(B) { 0 } }

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('another tenant')
    }

    def "the application role may only read and append audit events, never change or remove them"() {
        expect:
        TestServices.superuser().withCloseable { sql ->
            sql.rows('''select privilege_type from information_schema.role_table_grants
                        where grantee = 'taskforce_app' and table_name = 'audit_event' order by 1''')*.privilege_type
        } == ['INSERT', 'SELECT']

        when:
        asTenant(A) { c -> c.createStatement().executeUpdate("update audit_event set action = 'forged'") }

        then:
        def e = thrown(SQLException)
        e.message.contains('permission denied')
    }

    private <T> T asTenant(UUID tenant, Closure<T> work) {
        Connection c = DelegatingDataSource.unwrapDataSource(dataSource).connection
        try {
            c.autoCommit = false
            c.createStatement().execute("select set_config('app.tenant_id', '${tenant}', true)")
            return work(c)
        } finally {
            c.rollback()
            c.close()
        }
    }

    private <T> T withoutTenant(Closure<T> work) {
        Connection c = DelegatingDataSource.unwrapDataSource(dataSource).connection
        try {
            return work(c)
        } finally {
            c.close()
        }
    }

    private static long count(Connection c, String table, UUID tenant) {
        String where = tenant == null ? '' : " where tenant_id = '${tenant}'"
        def rs = c.createStatement().executeQuery("select count(*) from ${table}${where}")
        rs.next()
        rs.getLong(1)
    }

    private static long countVia(DataSource ds, String table) {
        ds.connection.withCloseable { c -> count(c, table, null) }
    }

    private static int tryUpdate(Connection c, String sql) {
        def savepoint = c.setSavepoint()
        try {
            return c.createStatement().executeUpdate(sql)
        } catch (SQLException e) {
            c.rollback(savepoint)
            return e.message.contains('permission denied') ? 0 : { throw e }()
        }
    }
}
