package io.taskforce.platform

import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import spock.lang.Shared
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
import spock.lang.Specification

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
}
