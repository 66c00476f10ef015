package io.taskforce.tenancy

import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
import io.taskforce.platform.db.TenantTransactions
import io.taskforce.support.TenantConditionGuard
import io.taskforce.support.TestServices
import spock.lang.Shared
import spock.lang.Specification

import javax.sql.DataSource
import java.sql.Connection
import java.sql.SQLException

/**
 * Tenant isolation in PostgreSQL itself, connected as the application role: what the application could do
 * with a forgotten WHERE clause, row-level security must still refuse. Rows are set up as superuser.
 */
@RealServices
class RowLevelSecuritySpec extends Specification {

    static final UUID A = UUID.randomUUID()
    static final UUID B = UUID.randomUUID()

    /** How to insert one row of each tenant table for a tenant (user rows are prepared in setupSpec). */
    static final Map<String, Closure<String>> ROWS = [
            tenant_member   : { UUID t -> "insert into tenant_member (tenant_id, user_id) values ('${t}', '${userOf(t)}')" },
            audit_event     : { UUID t -> """insert into audit_event (tenant_id, seq, occurred_at, actor_subject, actor_username,
                                   actor_roles, action, entity_type, entity_id, prev_hash, hash)
                                   values ('${t}', 1, now(), 's', 'u', '["client"]', 'x', 'y', 'z', repeat('0', 64), repeat('1', 64))""" },
            audit_chain_head: { UUID t -> "insert into audit_chain_head (tenant_id, last_seq, last_hash) values ('${t}', 1, repeat('1', 64))" },
            audit_checkpoint: { UUID t -> "insert into audit_checkpoint (tenant_id, seq, hash, signed_at, key_id, signature) values ('${t}', 1, repeat('1', 64), now(), 'k', 's')" },
            audit_secret    : { UUID t -> "insert into audit_secret (tenant_id, secret) values ('${t}', decode(repeat('ab', 32), 'hex'))" },
            // a tenant's webhook, one delivery of it and one logged attempt (ids derived from the tenant's); disabled and
            // delivered, so that the running application's delivery job leaves them alone
            webhook         : { UUID t -> "insert into webhook (tenant_id, id, url, events, secret, active) values ('${t}', '${t}', 'https://hooks.test/in', '{case.reported}', 's', false)" },
            webhook_delivery: { UUID t -> "insert into webhook_delivery (tenant_id, id, webhook_id, event, body, status) values ('${t}', '${t}', '${t}', 'case.reported', '{}', 'SENT')" },
            webhook_attempt : { UUID t -> "insert into webhook_attempt (tenant_id, id, delivery_id, webhook_id, status_code, duration_ms) values ('${t}', '${t}', '${t}', '${t}', 200, 1)" },
    ]

    /** Case tables: one row of each for a case of tenant A whose team is TEAM_MEMBER only. */
    static final UUID CASE = UUID.randomUUID()
    static final String TEAM_MEMBER = '33333333-3333-4333-8333-333333333333'
    static final String OFF_TEAM = '44444444-4444-4444-8444-444444444444'
    /** A consultant on the case's team: privileged notes stay hidden from them. */
    static final String TEAM_CONSULTANT = '55555555-5555-4555-8555-555555555555'
    /** Ids of the legal rows, which refer to each other. */
    static final Map<String, String> LEGAL_IDS = [clock: UUID.randomUUID(), action: UUID.randomUUID(), publication: UUID.randomUUID(),
                                                  evidence: UUID.randomUUID()].collectEntries { k, v -> [(k): v.toString()] } as Map<String, String>
    static final Map<String, String> CASE_ROWS = [
            case_file          : "insert into case_file (id, tenant_id, title, summary, reported_by, reported_at, status, team) values ('${CASE}', '${A}', 't', 's', '${TEAM_MEMBER}', now(), 'ACTIVE', array['${TEAM_MEMBER}', '${TEAM_CONSULTANT}'])",
            case_workstream    : "insert into case_workstream (tenant_id, case_id, workstream, position) values ('${A}', '${CASE}', 'LEGAL', 0)",
            case_member        : "insert into case_member (tenant_id, case_id, user_id, workstream, lead, added_at) values ('${A}', '${CASE}', '${TEAM_MEMBER}', 'LEGAL', true, now())",
            case_handoff       : "insert into case_handoff (id, tenant_id, case_id, from_workstream, to_workstream, note, created_by, created_at) values ('${UUID.randomUUID()}', '${A}', '${CASE}', 'LEGAL', 'REPUTATION', 'n', '${TEAM_MEMBER}', now())",
            case_task          : "insert into case_task (id, tenant_id, case_id, workstream, title, status, origin, created_by, created_at) values ('${UUID.randomUUID()}', '${A}', '${CASE}', 'LEGAL', 't', 'OPEN', 'MANUAL', '${TEAM_MEMBER}', now())",
            case_clock_proposal: "insert into case_clock_proposal (tenant_id, case_id, rule, trigger_at) values ('${A}', '${CASE}', 'DEFAMATION_LIMITATION', now())",
            // the legal workstream's rows a client sees (dates and states)
            legal_action       : "insert into legal_action (id, tenant_id, case_id, kind, status, title, created_by, created_at, updated_at) values ('${LEGAL_IDS.action}', '${A}', '${CASE}', 'FORMAL_NOTICE', 'DRAFT', 't', '${TEAM_MEMBER}', now(), now())",
            legal_clock        : "insert into legal_clock (id, tenant_id, case_id, rule_id, rule_version, trigger_at, last_day, ends_at, non_working_last_day, state, origin, created_by, created_at) values ('${LEGAL_IDS.clock}', '${A}', '${CASE}', 'press-defamation-3m', 1, now(), current_date, now(), false, 'RUNNING', 'MANUAL', '${TEAM_MEMBER}', now())",
    ].collectEntries { k, v -> [(k): v.toString()] } as Map<String, String>

    /**
     * Legal rows no client sees: hostile publications, evidence, privileged notes (lawyers on the team only) and the
     * reminders of clocks (the team and the reminder job). Inserted after CASE_ROWS, in this order.
     */
    static final Map<String, String> LEGAL_ROWS = [
            legal_publication   : "insert into legal_publication (id, tenant_id, case_id, url, first_published_at, created_by, created_at) values ('${LEGAL_IDS.publication}', '${A}', '${CASE}', 'https://blog.test/p', now(), '${TEAM_MEMBER}', now())",
            legal_republication : "insert into legal_republication (id, tenant_id, case_id, publication_id, republished_at, recorded_by, recorded_at) values ('${UUID.randomUUID()}', '${A}', '${CASE}', '${LEGAL_IDS.publication}', now(), '${TEAM_MEMBER}', now())",
            legal_clock_reminder: "insert into legal_clock_reminder (tenant_id, clock_id, case_id, label, due_at, recipients, case_title, rule_name, last_day, sent_at) values ('${A}', '${LEGAL_IDS.clock}', '${CASE}', '50%', now(), array['${TEAM_MEMBER}']::uuid[], 't', 'r', current_date, now())",
            legal_note          : "insert into legal_note (id, tenant_id, case_id, body, author_id, created_at) values ('${UUID.randomUUID()}', '${A}', '${CASE}', 'privileged', '${TEAM_MEMBER}', now())",
            legal_evidence      : "insert into legal_evidence (id, tenant_id, case_id, url, captured_at, file_name, content_type, size_bytes, sha256, storage, captured_by, created_at) values ('${LEGAL_IDS.evidence}', '${A}', '${CASE}', 'https://blog.test/p', now(), 'p.png', 'image/png', 1, repeat('a', 64), 'DATABASE', '${TEAM_MEMBER}', now())",
            legal_evidence_file : "insert into legal_evidence_file (tenant_id, evidence_id, case_id, content) values ('${A}', '${LEGAL_IDS.evidence}', '${CASE}', '\\x00')",
    ].collectEntries { k, v -> [(k): v.toString()] } as Map<String, String>

    /**
     * Message tables: one published message of that case, written by TEAM_MEMBER, with an approval, a change request,
     * its publication and an answered review request (answered, so that the escalation job leaves it alone).
     */
    static final UUID MESSAGE = UUID.randomUUID()
    static final Map<String, String> MESSAGE_ROWS = [
            message               : "insert into message (id, tenant_id, case_id, kind, state, current_revision, created_by, created_at, updated_at, published_at) values ('${MESSAGE}', '${A}', '${CASE}', 'PRESS_RELEASE', 'PUBLISHED', 1, '${TEAM_MEMBER}', now(), now(), now())",
            message_revision      : "insert into message_revision (tenant_id, message_id, case_id, number, title, body, channels, audience, language, sha256, author_id, created_at) values ('${A}', '${MESSAGE}', '${CASE}', 1, 't', 'b', '{PRESS}', '{}', 'fr', repeat('a', 64), '${TEAM_MEMBER}', now())",
            message_approval      : "insert into message_approval (tenant_id, message_id, case_id, revision, sha256, lawyer_id, at) values ('${A}', '${MESSAGE}', '${CASE}', 1, repeat('a', 64), '${OFF_TEAM}', now())",
            message_change_request: "insert into message_change_request (tenant_id, message_id, case_id, revision, lawyer_id, comment, at) values ('${A}', '${MESSAGE}', '${CASE}', 1, '${OFF_TEAM}', 'c', now())",
            message_publication   : "insert into message_publication (tenant_id, message_id, case_id, revision, sha256, published_by, at) values ('${A}', '${MESSAGE}', '${CASE}', 1, repeat('a', 64), '${TEAM_MEMBER}', now())",
            message_review_request: "insert into message_review_request (tenant_id, message_id, case_id, revision, requested_by, requested_at, due_at, case_title, message_title, answered_at) values ('${A}', '${MESSAGE}', '${CASE}', 1, '${TEAM_MEMBER}', now(), now() + interval '1 day', 'c', 'm', now())",
    ].collectEntries { k, v -> [(k): v.toString()] } as Map<String, String>

    /** Engagement tables: a public running-log entry, a stakeholder and a rumour of that case, by TEAM_MEMBER. */
    static final UUID ENTRY = UUID.randomUUID()
    static final Map<String, String> ENGAGEMENT_ROWS = [
            log_entry  : "insert into log_entry (id, tenant_id, case_id, occurred_at, recorded_at, author_id, kind, text, public) values ('${ENTRY}', '${A}', '${CASE}', now(), now(), '${TEAM_MEMBER}', 'FACT', 'f', true)",
            stakeholder: "insert into stakeholder (id, tenant_id, case_id, grp, name, power, interest, created_by, created_at, updated_at) values ('${ENTRY}', '${A}', '${CASE}', 'MEDIA', 'm', 3, 3, '${TEAM_MEMBER}', now(), now())",
            rumour     : "insert into rumour (id, tenant_id, case_id, claim, first_seen_at, created_by, created_at) values ('${ENTRY}', '${A}', '${CASE}', 'c', now(), '${TEAM_MEMBER}', now())",
    ].collectEntries { k, v -> [(k): v.toString()] } as Map<String, String>

    /** Reputation tables: a tracked query of that case, one snapshot with one result, a remembered URL, an action. */
    static final UUID SERP_QUERY = UUID.randomUUID()
    static final UUID SERP_SNAPSHOT = UUID.randomUUID()
    static final Map<String, String> REPUTATION_ROWS = [
            serp_query         : "insert into serp_query (tenant_id, id, case_id, query, engine, country, language, created_by, created_at) values ('${A}', '${SERP_QUERY}', '${CASE}', 'q', 'google', 'FR', 'fr', '${TEAM_MEMBER}', now())",
            serp_snapshot      : "insert into serp_snapshot (tenant_id, id, case_id, query_id, taken_on, source, created_by, created_at) values ('${A}', '${SERP_SNAPSHOT}', '${CASE}', '${SERP_QUERY}', '2026-03-02', 'MANUAL', '${TEAM_MEMBER}', now())",
            serp_result        : "insert into serp_result (tenant_id, snapshot_id, case_id, position, url, domain, title) values ('${A}', '${SERP_SNAPSHOT}', '${CASE}', 1, 'https://a.example/', 'a.example', 't')",
            serp_classification: "insert into serp_classification (tenant_id, case_id, url, ownership, tone, updated_by, updated_at) values ('${A}', '${CASE}', 'https://a.example/', 'OWNED', 'POSITIVE', '${TEAM_MEMBER}', now())",
            cleanup_action     : "insert into cleanup_action (tenant_id, id, case_id, kind, title, status, created_by, created_at, updated_at) values ('${A}', '${UUID.randomUUID()}', '${CASE}', 'DELISTING', 't', 'PLANNED', '${TEAM_MEMBER}', now(), now())",
    ].collectEntries { k, v -> [(k): v.toString()] } as Map<String, String>

    /** Every table of a case's data: staff off the team must reach none of it. */
    static final Map<String, String> TEAM_ROWS = CASE_ROWS + MESSAGE_ROWS + ENGAGEMENT_ROWS + REPUTATION_ROWS

    /**
     * Notify tables: one row of each per tenant, already dispatched or sent so that the running dispatcher leaves
     * them alone. Tenant A's notification is TEAM_MEMBER's, tenant B's is OFF_TEAM's.
     */
    static final Map<String, Closure<String>> NOTIFY_ROWS = [
            notify_outbox : { UUID t -> """insert into notify_outbox (tenant_id, id, event, recipients, params, dispatched_at)
                                 values ('${t}', '${UUID.randomUUID()}', 'case.reported', array['${TEAM_MEMBER}']::uuid[], '{}', now())""" },
            notification  : { UUID t -> """insert into notification (tenant_id, id, recipient_id, event, params)
                                 values ('${t}', '${UUID.randomUUID()}', '${t == A ? TEAM_MEMBER : OFF_TEAM}', 'case.reported', '{}')""" },
            email_delivery: { UUID t -> """insert into email_delivery (tenant_id, id, recipient_id, address, language, event, params, status)
                                 values ('${t}', '${UUID.randomUUID()}', '${TEAM_MEMBER}', 'rls@test.invalid', 'fr', 'case.reported', '{}', 'SENT')""" },
    ]

    @Shared DataSource dataSource = SharedApplication.bean(DataSource)
    @Shared TenantTransactions transactions = SharedApplication.bean(TenantTransactions)
    @Shared List<String> tenantTables

    static String userOf(UUID tenant) { tenant == A ? '11111111-1111-4111-8111-111111111111' : '22222222-2222-4222-8222-222222222222' }

    /** Bare statements on purpose: this spec proves what row-level security refuses without the application's conditions. */
    def setup() {
        TenantConditionGuard.suspend()
    }

    def cleanup() {
        TenantConditionGuard.resume()
    }

    def setupSpec() {
        TestServices.superuser().withCloseable { sql ->
            [A, B].each { t ->
                sql.execute("insert into tenant (id, slug, name) values ('${t}', 'rls-${t.toString().take(8)}', 'RLS ${t}')".toString())
                sql.execute("insert into user_account (id, username, role) values ('${userOf(t)}', 'rls-${t}', 'client') on conflict do nothing".toString())
                ROWS.values().each { sql.execute(it(t)) }
            }
            [TEAM_MEMBER, OFF_TEAM].each { u ->
                sql.execute("insert into user_account (id, username, role) values ('${u}', 'rls-${u}', 'lawyer') on conflict do nothing".toString())
            }
            sql.execute("insert into user_account (id, username, role) values ('${TEAM_CONSULTANT}', 'rls-${TEAM_CONSULTANT}', 'consultant') on conflict do nothing".toString())
            TEAM_ROWS.values().each { sql.execute(it) }
            LEGAL_ROWS.values().each { sql.execute(it) }
            [A, B].each { t -> NOTIFY_ROWS.values().each { sql.execute(it(t).toString()) } }
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
        (ROWS.keySet() + TEAM_ROWS.keySet() + LEGAL_ROWS.keySet() + NOTIFY_ROWS.keySet()).toSorted() == tenantTables
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

    def "#table: staff off the case's team read, insert, update and delete none of its rows"() {
        expect: 'the team member sees the row, across tenants and within the tenant'
        asStaff(TEAM_MEMBER, null) { c -> count(c, table, A) } == 1
        asStaff(TEAM_MEMBER, A) { c -> count(c, table, A) } == 1

        and: 'a staff member off the team sees nothing of it, with or without the tenant bound'
        asStaff(OFF_TEAM, null) { c -> count(c, table, A) } == 0
        asStaff(OFF_TEAM, A) { c -> count(c, table, A) } == 0

        when: 'off the team, updating and deleting with the WHERE clause forgotten'
        int updated = asStaff(OFF_TEAM, A) { c -> tryUpdate(c, "update ${table} set tenant_id = tenant_id") }
        int deleted = asStaff(OFF_TEAM, A) { c -> tryUpdate(c, "delete from ${table}") }

        then:
        updated == 0
        deleted == 0
        TestServices.superuser().withCloseable { it.firstRow("select count(*) as n from ${table} where tenant_id = '${A}'".toString()).n } == 1

        when: 'off the team, inserting a row for the case'
        asStaff(OFF_TEAM, A) { c -> c.createStatement().execute(TEAM_ROWS[table]
                .replace("'${TEAM_MEMBER}', now(), 'ACTIVE'", "'${OFF_TEAM}', now(), 'ACTIVE'")) }

        then:
        def e = thrown(SQLException)
        e.message.contains('row-level security') || e.message.contains('duplicate key')

        where:
        table << TEAM_ROWS.keySet().toList()
    }

    def "#table: a client reads a message's published words and their publication, never drafts, reviews or approvals"() {
        expect:
        asClient(A) { c -> count(c, table, null) } == seenByClientOfA
        asClient(B) { c -> count(c, table, null) } == 0

        when: 'a client writes'
        asClient(A) { c -> c.createStatement().execute(MESSAGE_ROWS[table]) }

        then:
        def e = thrown(SQLException)
        e.message.contains('row-level security') || e.message.contains('permission denied')

        where:
        table                    || seenByClientOfA
        'message'                || 1
        'message_revision'       || 1
        'message_publication'    || 1
        'message_approval'       || 0
        'message_change_request' || 0
        'message_review_request' || 0
    }

    def "#table: a client reads the public entries of their tenant's running log, no stakeholder, no rumour, and writes nothing"() {
        given: 'an internal entry beside the public one'
        TestServices.superuser().withCloseable { sql ->
            sql.execute("insert into log_entry (id, tenant_id, case_id, occurred_at, recorded_at, author_id, kind, text, public) values ('${UUID.randomUUID()}', '${A}', '${CASE}', now(), now(), '${TEAM_MEMBER}', 'DECISION', 'internal', false) on conflict do nothing".toString())
        }

        expect:
        asClient(A) { c -> count(c, table, null) } == seenByClientOfA
        asClient(B) { c -> count(c, table, null) } == 0
        asStaff(TEAM_MEMBER, A) { c -> count(c, table, A) } >= 1

        when: 'a client writes'
        asClient(A) { c -> c.createStatement().execute(ENGAGEMENT_ROWS[table].replace("'${ENTRY}'", "'${UUID.randomUUID()}'")) }

        then:
        def e = thrown(SQLException)
        e.message.contains('row-level security') || e.message.contains('permission denied')

        cleanup:
        TestServices.superuser().withCloseable { it.execute("delete from log_entry where text = 'internal'") }

        where:
        table         || seenByClientOfA
        'log_entry'   || 1
        'stakeholder' || 0
        'rumour'      || 0
    }

    def "the running log is a record: the team itself cannot change or remove an entry"() {
        expect:
        asStaff(TEAM_MEMBER, A) { c -> tryUpdate(c, "update log_entry set text = 'rewritten'") } == 0
        asStaff(TEAM_MEMBER, A) { c -> tryUpdate(c, "delete from log_entry") } == 0
        TestServices.superuser().withCloseable { it.firstRow("select text from log_entry where id = '${ENTRY}'".toString()).text } == 'f'
    }

    def "message words, approvals and publications are facts: the team itself cannot change or remove them"() {
        expect:
        asStaff(TEAM_MEMBER, A) { c -> tryUpdate(c, "update ${table} set sha256 = repeat('b', 64)") } == 0
        asStaff(TEAM_MEMBER, A) { c -> tryUpdate(c, "delete from ${table}") } == 0
        TestServices.superuser().withCloseable { it.firstRow("select count(*) as n from ${table} where sha256 = repeat('a', 64)".toString()).n } == 1

        where:
        table << ['message_revision', 'message_approval', 'message_publication']
    }

    def "review requests: the escalation job (as dispatcher) reads them across tenants; a transaction outside a case sees none"() {
        expect:
        asActor('dispatcher', TEAM_MEMBER, null) { c -> count(c, 'message_review_request', A) } == 1
        asTenant(A) { c -> count(c, 'message_review_request', null) } == 0
    }

    def "#table: a client sees their tenant's case rows only, and no other tenant's"() {
        expect:
        asClient(A) { c -> count(c, table, null) } == 1
        asClient(B) { c -> count(c, table, null) } == 0

        where:
        // the portal shows search-result progress: clients read their tenant's reputation rows (the API drops notes)
        table << (CASE_ROWS + REPUTATION_ROWS).keySet().toList()
    }

    def "#table: used outside a case transaction, a query fails loudly instead of answering nothing"() {
        when:
        asTenant(A) { c -> count(c, table, null) }

        then:
        def e = thrown(SQLException)
        e.message.contains('outside a case transaction')

        where:
        table << (TEAM_ROWS.keySet() - 'message_review_request').toList()
    }

    def "#table: the team sees it, staff off the team and clients see none of it, and off the team nothing can be written"() {
        expect:
        asStaff(TEAM_MEMBER, null) { c -> count(c, table, A) } == (table == 'legal_clock_reminder' ? 0 : 1) // reminders: in the tenant only
        asStaff(TEAM_MEMBER, A) { c -> count(c, table, A) } == 1
        asStaff(OFF_TEAM, A) { c -> count(c, table, A) } == 0
        asStaff(OFF_TEAM, null) { c -> count(c, table, A) } == 0
        asClient(A) { c -> count(c, table, null) } == 0
        asStaff(OFF_TEAM, A) { c -> tryUpdate(c, "delete from ${table}") } == 0

        when:
        asStaff(OFF_TEAM, A) { c -> c.createStatement().execute(LEGAL_ROWS[table]) }

        then:
        def e = thrown(SQLException)
        e.message.contains('row-level security') || e.message.contains('duplicate key') || e.message.contains('permission denied')

        where:
        table << LEGAL_ROWS.keySet().toList()
    }

    def "privileged notes: a consultant on the team sees none, and cannot write one; the team's lawyer sees it"() {
        expect:
        asStaff(TEAM_MEMBER, A) { c -> count(c, 'legal_note', A) } == 1
        asStaff(TEAM_CONSULTANT, A) { c -> count(c, 'legal_note', A) } == 0
        asStaff(TEAM_CONSULTANT, null) { c -> count(c, 'legal_note', null) } == 0

        when:
        asStaff(TEAM_CONSULTANT, A) { c -> c.createStatement().execute(LEGAL_ROWS.legal_note.replace("'${TEAM_MEMBER}', now())", "'${TEAM_CONSULTANT}', now())")) }

        then:
        def e = thrown(SQLException)
        e.message.contains('row-level security')
    }

    def "legal rows: no tenant data for the reminder job but its reminders, and case-only tables refuse it loudly"() {
        expect:
        asActor('dispatcher', TEAM_MEMBER, null) { c -> count(c, 'legal_clock_reminder', A) } == 1

        when:
        asActor('dispatcher', TEAM_MEMBER, null) { c -> count(c, 'legal_note', null) }

        then:
        def e = thrown(SQLException)
        e.message.contains('outside a case transaction')
    }

    def "the intake queue: every staff member sees NEW cases of every tenant, not the rows of other cases"() {
        given:
        UUID fresh = UUID.randomUUID()
        TestServices.superuser().withCloseable { sql ->
            sql.execute("insert into case_file (id, tenant_id, title, summary, reported_by, reported_at, status) values ('${fresh}', '${B}', 'n', 's', '${TEAM_MEMBER}', now(), 'NEW')".toString())
        }

        expect:
        asStaff(OFF_TEAM, null) { c -> count(c, 'case_file', B) } == 1
        asStaff(OFF_TEAM, null) { c -> count(c, 'case_file', A) } == 0
    }

    def "notifications: a person sees and marks only their own, across tenants, and cannot write any"() {
        expect:
        asUser(TEAM_MEMBER) { c -> count(c, 'notification', null) } == 1
        asUser(TEAM_MEMBER) { c -> count(c, 'notification', A) } == 1
        asUser(OFF_TEAM) { c -> count(c, 'notification', A) } == 0
        asUser(OFF_TEAM) { c -> tryUpdate(c, "update notification set read_at = now() where tenant_id = '${A}'") } == 0
        asUser(TEAM_MEMBER) { c -> tryUpdate(c, "update notification set read_at = now() where tenant_id = '${A}'") } == 1

        when: 'a person (or a tenant transaction) writes a notification'
        asUser(TEAM_MEMBER) { c -> c.createStatement().execute(NOTIFY_ROWS.notification(A).toString()) }

        then:
        def e = thrown(SQLException)
        e.message.contains('row-level security')
    }

    def "the outbox and e-mail deliveries: a tenant transaction appends intents of its own tenant and reads none"() {
        expect:
        asTenant(A) { c -> count(c, 'notify_outbox', A) } == 0
        asTenant(A) { c -> count(c, 'email_delivery', A) } == 0
        asTenant(A) { c -> c.createStatement().executeUpdate(NOTIFY_ROWS.notify_outbox(A).toString()) } == 1

        when:
        asTenant(A) { c -> c.createStatement().execute(NOTIFY_ROWS.notify_outbox(B).toString()) }

        then:
        thrown(SQLException)

        when:
        asTenant(A) { c -> c.createStatement().execute(NOTIFY_ROWS.email_delivery(A).toString()) }

        then:
        thrown(SQLException)
    }

    def "the dispatcher reaches the notify tables of every tenant, no tenant data, and case tables refuse it loudly"() {
        expect:
        asActor('dispatcher', TEAM_MEMBER, null) { c -> count(c, 'notify_outbox', A) + count(c, 'notify_outbox', B) } == 2
        asActor('dispatcher', TEAM_MEMBER, null) { c -> count(c, 'email_delivery', B) } == 1
        asActor('dispatcher', TEAM_MEMBER, null) { c -> count(c, 'tenant_member', null) } == 0

        when:
        asActor('dispatcher', TEAM_MEMBER, null) { c -> count(c, 'case_file', null) }

        then:
        def e = thrown(SQLException)
        e.message.contains('outside a case transaction')
    }

    private <T> T asUser(String user, Closure<T> work) {
        Connection c = DelegatingDataSource.unwrapDataSource(dataSource).connection
        try {
            c.autoCommit = false
            c.createStatement().execute("select set_config('app.user_id', '${user}', true)")
            return work(c)
        } finally {
            c.rollback()
            c.close()
        }
    }

    private <T> T asStaff(String user, UUID tenant, Closure<T> work) {
        asActor('staff', user, tenant, work)
    }

    private <T> T asClient(UUID tenant, Closure<T> work) {
        asActor('client', userOf(tenant), tenant, work)
    }

    private <T> T asActor(String actor, String user, UUID tenant, Closure<T> work) {
        Connection c = DelegatingDataSource.unwrapDataSource(dataSource).connection
        try {
            c.autoCommit = false
            c.createStatement().execute("select set_config('app.actor', '${actor}', true), set_config('app.user_id', '${user}', true)")
            if (tenant != null) {
                c.createStatement().execute("select set_config('app.tenant_id', '${tenant}', true)")
            }
            return work(c)
        } finally {
            c.rollback()
            c.close()
        }
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
