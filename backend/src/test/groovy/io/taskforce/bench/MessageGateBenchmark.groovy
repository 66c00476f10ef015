package io.taskforce.bench

import groovy.sql.Sql
import io.micronaut.context.ApplicationContext
import io.taskforce.identity.Caller
import io.taskforce.identity.CurrentUser
import io.taskforce.identity.Firm
import io.taskforce.identity.Role
import io.taskforce.messages.Audience
import io.taskforce.messages.Channel
import io.taskforce.messages.MessageContent
import io.taskforce.platform.db.EmbeddedDatabase

import java.nio.file.Path
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CountDownLatch
import java.util.concurrent.atomic.AtomicInteger

/**
 * Approve + publish throughput through the real sign-off gate, beside pgbench running the same transactions
 * (deploy/bench/message-gate.sh runs it; not a test).
 *
 * Starts an embedded PostgreSQL in a temporary directory and the application context (no HTTP server), seeds one
 * case of one tenant with MESSAGES messages waiting for review (and as many more for pgbench), then THREADS
 * threads each take a message, approve it as the team's lawyer and publish it as the consultant through
 * MessageService (the same calls the API makes, minus HTTP and JSON). Then pgbench plays the same two
 * transactions (deploy/bench/message-gate.sql: the same statements the service issues, with the audit chain hash
 * computed by PostgreSQL instead of Java) over as many connections, as the application's role, with RLS on.
 *
 * Options: --messages N (default 4000), --threads N (default 4), --warmup N (default 500), --pgbench PATH.
 */
class MessageGateBenchmark {

    static final UUID TENANT = UUID.fromString('9a3f1c2e-7b6d-4e5f-8a9b-0c1d2e3f4a5b')
    static final UUID CASE = UUID.fromString('1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b')
    static final Caller CONSULTANT = staff('5c0a1b2e-3d4f-4a5b-8c6d-7e8f90a1b2c3', 'consultant', Role.CONSULTANT, Firm.COMMUNICATION)
    static final Caller LAWYER = staff('6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4', 'lawyer', Role.LAWYER, Firm.LEGAL)
    static final MessageContent WORDS = new MessageContent('Incendie sur notre site de Strasbourg',
            'Cette nuit, un incendie a touché notre bâtiment SBG-2. Sa cause est en cours d’analyse.\n\nNous comprenons l’inquiétude de nos clients.',
            [Channel.PRESS, Channel.SOCIAL], [Audience.CUSTOMERS, Audience.MEDIA], 'fr')

    static Caller staff(String id, String username, String role, Firm firm) {
        new Caller(new CurrentUser(id, username, username, [role], firm, null), '127.0.0.1', 'MessageGateBenchmark', null)
    }

    static void main(String[] args) {
        def options = [messages: 4000, threads: 4, warmup: 500, pgbench: 'pgbench']
        args.toList().collate(2).each { pair -> options[pair[0].replaceFirst('^--', '')] = pair[0] == '--pgbench' ? pair[1] : pair[1] as int }
        BenchmarkRun.exitWith('gate', ['datasources.default.maximum-pool-size': options.threads + 1]) { ApplicationContext context, EmbeddedDatabase database, Path work ->
            new MessageGateBenchmark().run(context, database, options, work)
        }
    }

    int run(ApplicationContext context, EmbeddedDatabase database, Map options, Path work) {
        int messages = options.messages as int
        int threads = options.threads as int
        int warmup = options.warmup as int
        String sha256 = WORDS.sha256()
        Sql.newInstance(database.jdbcUrl(), 'postgres', '', 'org.postgresql.Driver').withCloseable { sql ->
            seed(sql, messages + warmup, sha256)
        }
        def service = context.getBean(Class.forName('io.taskforce.messages.MessageService'))

        // warm-up (JIT, pool, caches), then the measured run
        pairs(service, (1..warmup).collect { id('app', it) }, threads, sha256)
        def measured = pairs(service, ((warmup + 1)..(warmup + messages)).collect { id('app', it) }, threads, sha256)
        if (measured.failures > 0) {
            System.err.println("[gate] ${measured.failures} approve+publish pairs failed")
            return 1
        }
        report('application (MessageService.approve + publish)', messages, measured.seconds, measured.latencies)

        // pgbench: the same two transactions per message, warm-up then measured, same number of connections
        Path script = Path.of(System.getProperty('taskforce.repo.root', '.')).resolve('deploy/bench/message-gate.sql')
        def pg = { int from, int count ->
            def url = new URI(database.jdbcUrl().replaceFirst('^jdbc:', ''))
            def command = [options.pgbench, '-n', '-M', 'prepared', '-c', threads, '-j', threads, '-t', (count / threads) as int,
                           '-f', script.toString(), '-D', "tenant=${TENANT}", '-D', "case=${CASE}", '-D', "lawyer=${LAWYER.userId()}",
                           '-D', "consultant=${CONSULTANT.userId()}", '-D', "sha256=${sha256}",
                           '-h', url.host, '-p', url.port, '-U', EmbeddedDatabase.APP_ROLE, EmbeddedDatabase.DATABASE]*.toString()
            def process = new ProcessBuilder(command).redirectErrorStream(true)
            process.environment().PGPASSWORD = appPassword(database)
            def p = process.start()
            def out = p.inputStream.text
            if (p.waitFor() != 0) {
                throw new IllegalStateException("pgbench failed: ${out}")
            }
            out
        }
        Sql.newInstance(database.jdbcUrl(), 'postgres', '', 'org.postgresql.Driver').withCloseable { sql ->
            sql.execute('create sequence gate_bench_seq')
            sql.execute("grant usage on sequence gate_bench_seq to ${EmbeddedDatabase.APP_ROLE}".toString())
        }
        pg(0, warmup)
        long start = System.nanoTime()
        String out = pg(0, messages)
        double seconds = (System.nanoTime() - start) / 1e9
        println out.readLines().findAll { it =~ /latency|tps|processed|failed/ }.collect { "    pgbench: ${it}" }.join('\n')
        println "pgbench (the same transactions): ${messages} pairs in ${String.format('%.2f', seconds)} s, " +
                "${String.format('%.0f', messages / seconds)} pairs/s (pgbench counts one transaction per script run, i.e. per pair)"
        Sql.newInstance(database.jdbcUrl(), 'postgres', '', 'org.postgresql.Driver').withCloseable { sql ->
            def published = sql.firstRow("select count(*) as n from message where state = 'PUBLISHED'").n as long
            println "published in the database: ${published} (expected ${2L * messages + 2L * warmup})"
            return published == 2L * messages + 2L * warmup ? 0 : 1
        }
    }

    /** Approve then publish each message, from several threads; per-pair latency in milliseconds. */
    private static Map pairs(Object service, List<UUID> ids, int threads, String sha256) {
        def queue = new ConcurrentLinkedQueue<UUID>(ids)
        def latencies = Collections.synchronizedList(new ArrayList<Double>(ids.size()))
        def failures = new AtomicInteger()
        def done = new CountDownLatch(threads)
        long start = System.nanoTime()
        threads.times {
            Thread.start {
                try {
                    UUID id
                    while ((id = queue.poll()) != null) {
                        long t0 = System.nanoTime()
                        try {
                            service.approve(LAWYER, id, 1, sha256)
                            service.publish(CONSULTANT, id, 1, sha256)
                            latencies << (System.nanoTime() - t0) / 1e6
                        } catch (Exception e) {
                            if (failures.incrementAndGet() == 1) {
                                e.printStackTrace()
                            }
                        }
                    }
                } finally {
                    done.countDown()
                }
            }
        }
        done.await()
        [seconds: (System.nanoTime() - start) / 1e9, latencies: latencies, failures: failures.get()]
    }

    private static void report(String what, int count, double seconds, List<Double> latencies) {
        def sorted = latencies.toSorted()
        def at = { double q -> sorted[Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size()))] }
        println "${what}: ${count} pairs in ${String.format('%.2f', seconds)} s, ${String.format('%.0f', count / seconds)} pairs/s; " +
                "pair latency p50 ${String.format('%.1f', at(0.5))} ms, p90 ${String.format('%.1f', at(0.9))} ms, " +
                "p99 ${String.format('%.1f', at(0.99))} ms, max ${String.format('%.1f', sorted.last())} ms"
    }

    /** Messages numbered from 1, for the application ('app') and for pgbench ('pg'): ids pgbench can compute too. */
    static UUID id(String who, int n) {
        UUID.fromString(md5("${who}-${n}").replaceFirst(/(.{8})(.{4})(.{4})(.{4})(.{12})/, '$1-$2-$3-$4-$5'))
    }

    private static String md5(String text) {
        java.security.MessageDigest.getInstance('MD5').digest(text.getBytes('UTF-8')).encodeHex().toString()
    }

    private static String appPassword(EmbeddedDatabase database) {
        database.connectionProperties()['datasources.default.password'] as String
    }

    /** One tenant, the two demo staff on one case's team, and `count` messages in review for each side. */
    private static void seed(Sql sql, int count, String sha256) {
        sql.execute("insert into tenant (id, slug, name) values ('${TENANT}', 'helio-bench', 'Helio Cloud (bench)')".toString())
        [CONSULTANT, LAWYER].each { c ->
            sql.execute("insert into user_account (id, username, first_name, last_name, role) values ('${c.userId()}', '${c.user().username()}', 'Bench', '${c.user().username()}', '${c.user().roles()[0]}')".toString())
        }
        sql.execute("""insert into case_file (id, tenant_id, title, summary, reported_by, reported_at, status, team, severity)
                       values ('${CASE}', '${TENANT}', 'Incendie du datacenter SBG-2', 's', '${CONSULTANT.userId()}', now(), 'ACTIVE',
                               array['${CONSULTANT.userId()}', '${LAWYER.userId()}'], 3)""".toString())
        sql.execute("""insert into case_member (tenant_id, case_id, user_id, workstream, lead, added_at) values
                       ('${TENANT}', '${CASE}', '${CONSULTANT.userId()}', 'COMMUNICATION', true, now()),
                       ('${TENANT}', '${CASE}', '${LAWYER.userId()}', 'LEGAL', true, now())""".toString())
        ['app', 'pg'].each { who ->
            String id = "md5('${who}-' || n)::uuid"
            sql.execute("""insert into message (id, tenant_id, case_id, kind, state, current_revision, created_by, created_at, updated_at)
                           select ${id}, '${TENANT}', '${CASE}', 'HOLDING_STATEMENT', 'IN_REVIEW', 1, '${CONSULTANT.userId()}', now(), now()
                           from generate_series(1, ${count}) n""".toString())
            sql.execute("""insert into message_revision (tenant_id, message_id, case_id, number, title, body, channels, audience, language, sha256, author_id, created_at)
                           select '${TENANT}', ${id}, '${CASE}', 1, ?, ?, '{PRESS,SOCIAL}', '{CUSTOMERS,MEDIA}', 'fr', '${sha256}', '${CONSULTANT.userId()}', now()
                           from generate_series(1, ${count}) n""".toString(), [WORDS.title(), WORDS.body()])
            sql.execute("""insert into message_review_request (tenant_id, message_id, case_id, revision, requested_by, requested_at, due_at, legal_lead_id, case_title, message_title)
                           select '${TENANT}', ${id}, '${CASE}', 1, '${CONSULTANT.userId()}', now(), now() + interval '1 day', '${LAWYER.userId()}', 'Incendie', 'Incendie'
                           from generate_series(1, ${count}) n""".toString())
        }
        sql.execute('analyze')
    }
}
