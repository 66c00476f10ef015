package io.taskforce.platform

import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import spock.lang.Shared
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
import io.taskforce.platform.db.ConnectionRole
import io.taskforce.support.TestServices
import spock.lang.Specification

import java.sql.DriverManager

import javax.sql.DataSource

/** Row-level security only holds if the application's own connection cannot escape it. */
@RealServices
class DatabaseRoleSpec extends Specification {

    @Shared DataSource dataSource = SharedApplication.bean(DataSource)

    def "the application's connection is not superuser, cannot bypass RLS and owns no table"() {
        when:
        def facts = [:]
        DelegatingDataSource.unwrapDataSource(dataSource).connection.withCloseable { c ->
            def rs = c.createStatement().executeQuery('''
                select current_user as role, r.rolsuper, r.rolbypassrls,
                       (select count(*) from pg_class k where k.relowner = r.oid) as owned,
                       (select count(*) from pg_class k join pg_namespace n on n.oid = k.relnamespace
                          where n.nspname = 'public' and k.relkind = 'r') as tables
                from pg_roles r where r.rolname = current_user''')
            rs.next()
            facts = [role: rs.getString('role'), superuser: rs.getBoolean('rolsuper'),
                     bypassrls: rs.getBoolean('rolbypassrls'), owned: rs.getLong('owned'), tables: rs.getLong('tables')]
        }

        then:
        facts.role == 'taskforce_app'
        !facts.superuser
        !facts.bypassrls
        facts.owned == 0
        facts.tables > 0
    }

    def "the check the application runs at start passes for its own role and names what is wrong with others"() {
        expect: 'its own connection: nothing wrong (the application started, so the check let it)'
        DelegatingDataSource.unwrapDataSource(dataSource).connection.withCloseable { ConnectionRole.of(it).problems() } == []

        when: 'a superuser, and the owner of the tables'
        def superuser = DriverManager.getConnection(TestServices.database().jdbcUrl(), 'postgres', '').withCloseable { ConnectionRole.of(it) }
        def owner = DriverManager.getConnection(TestServices.database().jdbcUrl(), 'taskforce_owner', ownerPassword()).withCloseable { ConnectionRole.of(it) }

        then:
        superuser.problems().any { it.contains('superuser') }
        owner.problems().any { it.contains('owns tables') }
        !owner.problems().any { it.contains('superuser') }
    }

    def "the rule: superuser, BYPASSRLS and owning tables are each refused"() {
        expect:
        new ConnectionRole('r', superuser, bypass, owned).problems().size() == expected

        where:
        superuser | bypass | owned                || expected
        false     | false  | []                   || 0
        true      | false  | []                   || 1
        false     | true   | []                   || 1
        false     | false  | ['case_file']        || 1
        true      | true   | ['a', 'b', 'c']      || 3
    }

    private static String ownerPassword() {
        TestServices.database().connectionProperties()['flyway.datasources.owner.password']
    }
}
