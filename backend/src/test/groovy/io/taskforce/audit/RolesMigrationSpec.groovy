package io.taskforce.audit

import groovy.sql.Sql
import io.taskforce.platform.db.EmbeddedDatabase
import io.taskforce.support.RealServices
import io.taskforce.support.TestServices
import org.flywaydb.core.Flyway
import spock.lang.Specification

import java.time.Instant

/**
 * V14 stores the actor's roles as a JSON array and starts canonical form 2: a chain written before it (roles
 * comma-joined, form 1) still verifies after it, and keeps verifying once events of form 2 follow.
 */
@RealServices
class RolesMigrationSpec extends Specification {

    static final UUID CHAIN = UUID.fromString('5b0c7a1e-1111-4e5f-9a8b-7c6d5e4f3a2b')

    def "a chain written before V14 verifies after it, with new events of form 2 appended"() {
        given: 'a separate database migrated up to V13'
        String name = "roles_${UUID.randomUUID().toString().replace('-', '').take(12)}"
        TestServices.superuser().withCloseable { it.execute('create database ' + name + ' owner ' + EmbeddedDatabase.OWNER_ROLE) }
        String url = TestServices.database().jdbcUrl().replaceFirst('/[^/]+$', "/${name}")
        def owner = TestServices.database().connectionProperties()
        def flyway = { String target ->
            Flyway.configure().dataSource(url, EmbeddedDatabase.OWNER_ROLE, owner['flyway.datasources.owner.password'] as String)
                    .locations('classpath:db/migration').placeholders([approle: EmbeddedDatabase.APP_ROLE])
                    .target(target).load().migrate()
        }
        flyway('13')

        and: 'three events written as the application wrote them then: roles comma-joined, plain SHA-256 of changes'
        String prev = HashChain.GENESIS
        def old = [['consultant', 'lawyer'], [], ['platform_admin']].withIndex().collect { roles, i ->
            def e = new AuditEvent(CHAIN, i + 1, Instant.parse('2026-11-01T10:00:00.123456Z'), 's', 'u', roles, null,
                    'case.updated', 'case', "c${i}", null, '{"a":{"after":"b","before":null}}', null, null, null, prev, null)
            e = e.withHash(HashChain.link(prev, e.canonical()))
            prev = e.hash()
            e
        }
        superuser(url) { sql ->
            old.each { e ->
                sql.execute("""insert into audit_event (tenant_id, seq, occurred_at, actor_subject, actor_username, actor_roles,
                               action, entity_type, entity_id, changes, prev_hash, hash)
                               values (${CHAIN}, ${e.seq()}, '2026-11-01T10:00:00.123456Z'::timestamptz, 's', 'u',
                               ${e.actorRoles().join(',')}, ${e.action()}, 'case', ${e.entityId()}, ${e.changes()},
                               ${e.prevHash()}, ${e.hash()})""")
            }
        }

        when: 'V14 runs, and an event of form 2 (keyed hash of its changes) follows'
        flyway('latest')
        byte[] secret = new byte[32]
        new Random(7).nextBytes(secret)
        def next = new AuditEvent(CHAIN, 4, Instant.parse('2026-12-01T10:00:00Z'), 's', 'u', ['lawyer'], null,
                'case.updated', 'case', 'c3', null, '{"a":{"after":"c","before":"b"}}', null, null, 'req', prev, null,
                2, ChainSecrets.hmac(secret, '{"a":{"after":"c","before":"b"}}'), 'mine')
        next = next.withHash(HashChain.link(prev, next.canonical()))
        superuser(url) { sql ->
            sql.execute("insert into audit_secret (tenant_id, secret) values (${CHAIN}, ${secret})")
            sql.execute("""insert into audit_event (tenant_id, seq, occurred_at, actor_subject, actor_username, actor_roles,
                           action, entity_type, entity_id, changes, request_id, prev_hash, hash, canonical_version,
                           client_request_id)
                           values (${CHAIN}, 4, '2026-12-01T10:00:00Z'::timestamptz, 's', 'u', '["lawyer"]'::jsonb,
                           'case.updated', 'case', 'c3', ${next.changes()}, 'req', ${prev}, ${next.hash()}, 2, 'mine')""")
        }
        def read = superuser(url) { sql -> readChain(sql, secret) }

        then: 'the roles came through as arrays in their order, and the whole chain verifies'
        superuser(url) { sql -> sql.rows("select actor_roles::text as r from audit_event order by seq")*.r } ==
                ['["consultant", "lawyer"]', '[]', '["platform_admin"]', '["lawyer"]']
        read*.actorRoles() == [['consultant', 'lawyer'], [], ['platform_admin'], ['lawyer']]
        read*.version() == [1, 1, 1, 2]
        verify(read).valid()

        when: 'the changes of the form-2 event are edited'
        superuser(url) { sql -> sql.execute("update audit_event set changes = '{\"a\":{\"after\":\"d\",\"before\":\"b\"}}' where seq = 4") }

        then:
        verify(superuser(url) { sql -> readChain(sql, secret) }).firstBroken().seq() == 4

        cleanup:
        TestServices.superuser().withCloseable { it.execute('drop database if exists ' + name + ' with (force)') }
    }

    private static ChainVerifier.Result verify(List<AuditEvent> events) {
        def verifier = new ChainVerifier([:])
        events.each { verifier.accept(it) }
        verifier.result()
    }

    private static List<AuditEvent> readChain(Sql sql, byte[] secret) {
        def events = []
        sql.eachRow('select ' + AuditTrail.COLUMNS + ' from audit_event order by seq') { row ->
            events << AuditTrail.read(row, ChainSecrets.keyedHash(secret))
        }
        events
    }

    private static <T> T superuser(String url, Closure<T> work) {
        Sql.newInstance(url, 'postgres', '', 'org.postgresql.Driver').withCloseable(work)
    }
}
