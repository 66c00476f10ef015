package io.taskforce.bench

import groovy.sql.Sql
import io.micronaut.context.ApplicationContext
import io.taskforce.identity.Caller
import io.taskforce.identity.CurrentUser
import io.taskforce.identity.Firm
import io.taskforce.identity.Role
import io.taskforce.platform.db.EmbeddedDatabase

import java.nio.file.Path

/**
 * How long the case report takes (deploy/bench/case-report.sh runs it; not a test): read in its transaction and
 * rendered to PDF, through ReportService, the call `GET /api/v1/cases/{id}/report.pdf` makes, minus HTTP.
 *
 * Starts an embedded PostgreSQL in a temporary directory and the application context (no HTTP server) with the demo
 * data on, picks the demo case with the most log entries, stakeholders and rumours, and times its staff version (the
 * consultant) and its client version (the tenant's demo client). The demo cases are small, so it then grows that
 * case to --entries log entries (a third public), --stakeholders and --rumours
 * (half open) with plain inserts, and times both versions again.
 *
 * Options: --runs N (default 20, after 5 warm-up renders of each version), --entries N (500), --stakeholders N (40),
 * --rumours N (30).
 */
class CaseReportBenchmark {

    static final UUID CONSULTANT_ID = UUID.fromString('5c0a1b2e-3d4f-4a5b-8c6d-7e8f90a1b2c3')

    static void main(String[] args) {
        def options = [runs: 20, entries: 500, stakeholders: 40, rumours: 30]
        args.toList().collate(2).each { pair -> options[pair[0].replaceFirst('^--', '')] = pair[1] as int }
        BenchmarkRun.exitWith('report', ['taskforce.demo.enabled': 'true']) { ApplicationContext context, EmbeddedDatabase database, Path work ->
            new CaseReportBenchmark().run(context, database, options)
            0
        }
    }

    void run(ApplicationContext context, EmbeddedDatabase database, Map options) {
        def service = context.getBean(Class.forName('io.taskforce.engagement.ReportService'))
        def superuser = { Closure work -> Sql.newInstance(database.jdbcUrl(), 'postgres', '', 'org.postgresql.Driver').withCloseable(work) }
        Map largest = superuser { Sql sql ->
            sql.firstRow('''
                select * from (select c.id, c.tenant_id, c.title,
                       (select count(*) from log_entry e where e.case_id = c.id) as entries,
                       (select count(*) from log_entry e where e.case_id = c.id and e.public) as public_entries,
                       (select count(*) from stakeholder s where s.case_id = c.id) as stakeholders,
                       (select count(*) from rumour r where r.case_id = c.id) as rumours,
                       (select count(*) from case_task t where t.case_id = c.id) as tasks,
                       (select count(*) from case_member m where m.case_id = c.id) as members,
                       (select u.id from user_account u join tenant_member tm on tm.user_id = u.id
                        where tm.tenant_id = c.tenant_id and u.role = 'client' limit 1) as client_id
                from case_file c) x order by entries + stakeholders + rumours desc, tasks desc limit 1''') as Map
        }
        def staff = new Caller(new CurrentUser(CONSULTANT_ID.toString(), 'consultant', 'Claire Morel', [Role.CONSULTANT],
                Firm.COMMUNICATION, null), '127.0.0.1', 'CaseReportBenchmark', null)
        def client = new Caller(new CurrentUser(largest.client_id.toString(), 'client', 'Client', [Role.CLIENT], null,
                largest.tenant_id as UUID), '127.0.0.1', 'CaseReportBenchmark', null)
        UUID caseId = largest.id as UUID

        println "largest demo case: \"${largest.title}\" — ${largest.entries} log entries (${largest.public_entries} public), " +
                "${largest.stakeholders} stakeholders, ${largest.rumours} rumours, ${largest.tasks} tasks, ${largest.members} team members"
        measure(service, staff, client, caseId, options.runs as int)

        superuser { Sql sql -> grow(sql, largest, options) }
        Map grown = superuser { Sql sql ->
            sql.firstRow("""select (select count(*) from log_entry where case_id = '${caseId}') as entries,
                                   (select count(*) from log_entry where case_id = '${caseId}' and public) as public_entries,
                                   (select count(*) from stakeholder where case_id = '${caseId}') as stakeholders,
                                   (select count(*) from rumour where case_id = '${caseId}' and status = 'WATCHING') as open_rumours""".toString()) as Map
        }
        println "grown: ${grown.entries} log entries (${grown.public_entries} public), ${grown.stakeholders} stakeholders, " +
                "${grown.open_rumours} open rumours"
        measure(service, staff, client, caseId, options.runs as int)
    }

    private static void measure(Object service, Caller staff, Caller client, UUID caseId, int runs) {
        [staff: staff, client: client].each { version, caller ->
            5.times { service.report(caller, caseId) }
            def times = []
            int bytes = 0
            runs.times {
                long t0 = System.nanoTime()
                def report = service.report(caller, caseId)
                times << (System.nanoTime() - t0) / 1e6
                bytes = report.pdf().length
            }
            def sorted = times.toSorted()
            def at = { double q -> sorted[Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size()))] }
            println "  ${version} version: ${runs} reports, min ${fmt(sorted.first())} / median ${fmt(at(0.5))} / " +
                    "p90 ${fmt(at(0.9))} / max ${fmt(sorted.last())} ms, ${String.format('%,d', bytes)} bytes"
        }
    }

    private static String fmt(double ms) {
        String.format('%.0f', ms)
    }

    /** Facts and decisions over the last days (a third public), stakeholders across the grid, rumours half resolved. */
    private static void grow(Sql sql, Map c, Map options) {
        String tenant = c.tenant_id
        String caseId = c.id
        sql.execute("""
            insert into log_entry (id, tenant_id, case_id, occurred_at, recorded_at, author_id, kind, workstream, text, links, public)
            select gen_random_uuid(), '${tenant}', '${caseId}', now() - make_interval(mins => n * 7), now(), '${CONSULTANT_ID}',
                   case when n % 4 = 0 then 'DECISION' else 'FACT' end,
                   (array['COMMUNICATION', 'LEGAL', null])[1 + n % 3],
                   'Point ' || n || ' : les équipes de secours sécurisent le bâtiment, la reprise des serveurs se poursuit et '
                     || 'les clients hébergés sont informés par courriel ; prochain point dans deux heures.',
                   case when n % 5 = 0 then array['https://status.helio-cloud.test/incident/sbg2'] else '{}' end,
                   n % 3 = 0
            from generate_series(1, ${options.entries}) n""".toString())
        sql.execute("""
            insert into stakeholder (id, tenant_id, case_id, grp, name, expectations, power, interest, channel, created_by, created_at, updated_at, informed_at, informed_by)
            select gen_random_uuid(), '${tenant}', '${caseId}',
                   (array['CUSTOMERS','EMPLOYEES','REGULATOR','MEDIA','AUTHORITIES','INVESTORS','SUPPLIERS','PUBLIC','ELECTED_OFFICIALS'])[1 + n % 9],
                   'Partie prenante ' || n, 'Être tenue informée de la reprise et des données', 1 + n % 5, 1 + (n / 5) % 5,
                   'Courriel', '${CONSULTANT_ID}', now(), now(),
                   case when n % 2 = 0 then now() end, case when n % 2 = 0 then '${CONSULTANT_ID}'::uuid end
            from generate_series(1, ${options.stakeholders}) n""".toString())
        sql.execute("""
            insert into rumour (id, tenant_id, case_id, claim, source_url, first_seen_at, reach, status, resolved_at, resolved_by, created_by, created_at)
            select gen_random_uuid(), '${tenant}', '${caseId}', 'Rumeur ' || n || ' : toutes les données clients seraient perdues',
                   'https://social.example/p/' || n, now() - make_interval(hours => n), 1000 * n,
                   case when n % 2 = 0 then 'DEBUNKED' else 'WATCHING' end,
                   case when n % 2 = 0 then now() end, case when n % 2 = 0 then '${CONSULTANT_ID}'::uuid end,
                   '${CONSULTANT_ID}', now()
            from generate_series(1, ${options.rumours}) n""".toString())
        sql.execute('analyze')
    }
}
