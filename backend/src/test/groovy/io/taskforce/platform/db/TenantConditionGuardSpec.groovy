package io.taskforce.platform.db

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TenantConditionGuard
import io.micronaut.data.annotation.Query
import io.micronaut.data.annotation.Repository
import io.micronaut.data.intercept.annotation.DataMethod
import io.micronaut.inject.qualifiers.Qualifiers
import spock.lang.Shared
import spock.lang.Specification

import javax.sql.DataSource
import java.nio.file.Files
import java.sql.SQLException

/**
 * The guard that makes the whole suite the test of "explicit tenant conditions" is really on the running
 * application's pool: were it unwired, every other spec would pass whatever the stores' SQL says.
 */
@RealServices
class TenantConditionGuardSpec extends Specification {

    @Shared DataSource pool = DelegatingDataSource.unwrapDataSource(SharedApplication.bean(DataSource))

    def "a statement on a tenant table without a tenant condition is refused before it reaches PostgreSQL, and recorded"() {
        when:
        pool.connection.withCloseable { it.prepareStatement('select id from rumour where id = ?') }

        then:
        def e = thrown(SQLException)
        e.message.contains('[rumour]')
        e.message.contains('without an explicit tenant condition')
        Files.readString(TenantConditionGuard.VIOLATIONS).contains('select id from rumour where id = ?')
    }

    def "through plain statements too"() {
        when:
        pool.connection.withCloseable { it.createStatement().execute('delete from stakeholder') }

        then:
        thrown(SQLException)
    }

    def "a pinned statement, one that says why it spans tenants, and one on no tenant table pass"() {
        expect:
        pool.connection.withCloseable { c ->
            [c.prepareStatement('select id from rumour where tenant_id = ? and id = ?'),
             c.prepareStatement('/* across tenants: the spec says why */ select id from rumour where id = ?'),
             c.prepareStatement('select id from user_account where id = ?')].every { it != null }
        }
    }

    def "a spec probing row-level security itself can suspend it on its thread"() {
        when:
        TenantConditionGuard.suspend()
        def prepared = pool.connection.withCloseable { it.prepareStatement('select id from rumour where id = ?') != null }

        then:
        prepared

        cleanup:
        TenantConditionGuard.resume()
    }

    /**
     * The guard sees what the suite runs; the repositories' queries are also read where Micronaut Data keeps them
     * (generated or written, in each method's metadata), so a repository method no spec calls is checked too.
     */
    def "every query of every JDBC repository names its tenant or says why it spans tenants"() {
        given:
        def rule = TenantConditionGuard.rule(pool)
        def context = SharedApplication.server().applicationContext
        def queries = context.getBeanDefinitions(Qualifiers.byStereotype(Repository)).collectMany { definition ->
            definition.executableMethods.collect { method ->
                [repository: definition.beanType.simpleName - '$Intercepted', method: method.methodName,
                 sql: method.stringValue(Query, DataMethod.META_MEMBER_RAW_QUERY).orElse(method.stringValue(Query).orElse(null))
                         ?.replaceAll(/(?<!:):[a-zA-Z_]\w*/, '?')]
            }
        }.findAll { it.sql }

        expect: 'the repositories were found, with their queries'
        queries*.repository.toSet().containsAll(['CaseFileRepository', 'CaseTaskRepository', 'TenantMemberRepository'])

        and:
        queries.findAll { rule.unpinned(it.sql) }.collect { "${it.repository}.${it.method}: ${it.sql}" } == []
    }
}
