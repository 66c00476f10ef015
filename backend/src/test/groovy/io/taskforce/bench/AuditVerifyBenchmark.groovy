package io.taskforce.bench

import io.micronaut.context.ApplicationContext
import io.micronaut.data.jdbc.runtime.JdbcOperations
import io.taskforce.audit.AuditEntry
import io.taskforce.audit.AuditExport
import io.taskforce.audit.AuditTrail
import io.taskforce.audit.AuditVerification
import io.taskforce.audit.Change
import io.taskforce.audit.ChainVerification
import io.taskforce.audit.Checkpoints
import io.taskforce.identity.Caller
import io.taskforce.identity.CurrentUser
import io.taskforce.identity.Firm
import io.taskforce.identity.Role
import io.taskforce.platform.db.EmbeddedDatabase
import io.taskforce.platform.db.TenantTransactions

import java.lang.management.ManagementFactory
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.security.KeyFactory
import java.security.interfaces.RSAPrivateCrtKey
import java.security.spec.PKCS8EncodedKeySpec
import java.security.spec.RSAPublicKeySpec

/**
 * Measures the verification of one long audit chain (deploy/bench/audit-verify.sh runs it; not a test).
 *
 * Starts an embedded PostgreSQL in a temporary directory and the application context (no HTTP server), writes
 * EVENTS events into a fresh tenant chain through the real AuditTrail (BATCH per transaction, a signed checkpoint
 * half-way and one at the head), then times AuditVerification.verify (1 warm-up, 5 measured) and one
 * AuditExport.jsonLines. Exits 1 when the chain does not verify.
 *
 * Options: --events N (default 100000), --batch N (default 1000), --runs N (default 5),
 * --export FILE (also write the full export and the public key next to it: FILE and FILE.pub.pem),
 * --export-sample DIR (only write a 50-event chain's export, its redacted export and the public key PEM to DIR).
 */
class AuditVerifyBenchmark {

    static void main(String[] args) {
        def options = parse(args)
        BenchmarkRun.exitWith('audit', ['datasources.default.maximum-pool-size': 4]) { ApplicationContext context, EmbeddedDatabase database, Path work ->
            def bench = new AuditVerifyBenchmark(context, work.resolve(BenchmarkRun.CHECKPOINT_KEY))
            options.exportSample ? bench.exportSample(Path.of(options.exportSample as String))
                    : bench.run(options.events as int, options.batch as int, options.runs as int,
                    options.export ? Path.of(options.export as String) : null)
        }
    }

    /** The columns AuditTrail reads (AuditTrail.COLUMNS is package-private). */
    static final String COLUMNS = '''tenant_id, seq, occurred_at, actor_subject, actor_username,
            array(select r from jsonb_array_elements_text(actor_roles) with ordinality as t(r, i) order by i) as actor_roles,
            actor_firm, action, entity_type, entity_id, case_id, changes, ip, user_agent, request_id, prev_hash, hash,
            canonical_version, client_request_id'''
    static final List<String> TEXT_COLUMNS = ['actor_subject', 'actor_username', 'actor_roles', 'actor_firm', 'action',
                                              'entity_type', 'entity_id', 'changes', 'ip', 'user_agent', 'request_id',
                                              'prev_hash', 'hash', 'client_request_id']

    private final ApplicationContext context
    private final Path keyFile
    private final TenantTransactions transactions
    private final AuditTrail trail
    private final AuditVerification verification
    private final AuditExport export
    private final Checkpoints checkpoints
    private final JdbcOperations jdbc

    AuditVerifyBenchmark(ApplicationContext context, Path keyFile) {
        this.context = context
        this.keyFile = keyFile
        this.transactions = context.getBean(TenantTransactions)
        this.trail = context.getBean(AuditTrail)
        this.verification = context.getBean(AuditVerification)
        this.export = context.getBean(AuditExport)
        this.checkpoints = context.getBean(Checkpoints)
        this.jdbc = context.getBean(JdbcOperations)
    }

    int run(int events, int batch, int runs, Path exportFile) {
        printEnvironment()
        UUID chain = newTenant('bench')

        long start = System.nanoTime()
        writeEvents(chain, events, batch, events.intdiv(2))
        double writeSeconds = seconds(start)
        def signed = checkpoints.signAll()
        printf('write: %,d events in %.1f s = %,.0f events/s (%,d per transaction, %d checkpoints signed)%n',
                events, writeSeconds, events / writeSeconds, batch, countCheckpoints(chain))
        println "data: ${dataVolume(chain)}"

        def warmUp = timed { verification.verify(chain, 'bench') }
        println "verify warm-up: ${format(warmUp.seconds)} s, ${describe(warmUp.value as ChainVerification)}"
        if (!(warmUp.value as ChainVerification).valid()) {
            return 1
        }
        List<Double> times = []
        for (int i = 1; i <= runs; i++) {
            def run = timed { verification.verify(chain, 'bench') }
            def result = run.value as ChainVerification
            times << run.seconds
            println "verify run ${i}: ${format(run.seconds)} s, ${describe(result)}"
            if (!result.valid() || result.events() != events) {
                System.err.println("INVALID: ${describe(result)}")
                return 1
            }
        }
        times.sort()
        double median = times[times.size().intdiv(2)]
        printf('verify %,d events (%d runs): min %.3f s, median %.3f s, max %.3f s; median %,.0f events/s%n',
                events, runs, times.first(), median, times.last(), events / median)

        // the ceiling, in the same run: the same SQL in the same kind of transaction, rows fetched and decoded,
        // nothing hashed
        List<Double> ceiling = (1..runs).collect { timed { readOnly(chain) }.seconds as double }.sort()
        double ceilingMedian = ceiling[ceiling.size().intdiv(2)]
        printf('ceiling (same SELECT, no hashing, %d runs): min %.3f s, median %.3f s, max %.3f s; verify/ceiling %.2f%n',
                runs, ceiling.first(), ceilingMedian, ceiling.last(), median / ceilingMedian)

        System.gc()
        long heapBefore = usedHeap()
        // read as a client would, a buffer at a time, counting: the export streams, so the heap should not grow
        long maxHeapDuring = heapBefore
        def exported = timed {
            export.jsonLines(caller(0), chain, true).withCloseable { input ->
                byte[] buffer = new byte[8192]
                long total = 0, newlines = 0
                int n
                while ((n = input.read(buffer)) > 0) {
                    total += n
                    for (int i = 0; i < n; i++) if (buffer[i] == (byte) 10) newlines++
                    if (total % (8 << 20) < n) maxHeapDuring = Math.max(maxHeapDuring, usedHeap())
                }
                [total, newlines]
            }
        }
        long bytes = exported.value[0] as long
        long lines = exported.value[1] as long
        printf('export (jsonLines, with changes, streamed): %.3f s, %,d lines, %,.1f MB UTF-8, heap in use before %,d MB, at most %,d MB while reading (sampled every 8 MB)%n',
                exported.seconds, lines, bytes / 1e6, heapBefore.intdiv(1_000_000), maxHeapDuring.intdiv(1_000_000))
        if (exportFile != null) {
            Files.createDirectories(exportFile.toAbsolutePath().parent)
            export.jsonLines(caller(0), chain, true).withCloseable { Files.copy(it, exportFile) }
            Files.writeString(Path.of(exportFile.toString() + '.pub.pem'), publicKeyPem())
            println "export written to ${exportFile} (public key: ${exportFile}.pub.pem)"
        }
        0
    }

    /** A 50-event chain (checkpoints at 20 and 50), exported with and without changes, and the public key. */
    int exportSample(Path dir) {
        UUID chain = newTenant('sample')
        writeEvents(chain, 20, 10, 0)
        checkpoints.signAll()
        transactions.write(chain) {
            def caller = caller(1)
            (21..49).each { trail.record(caller, entry(it)) }
            // one event with every kind of text a verifier must pass through untouched
            trail.record(new Caller(new CurrentUser('sub-ü', 'zoë "z" \\o/', null, [Role.LAWYER], Firm.LEGAL, null),
                    '2001:db8::1', 'Agent\ttab\nnewline 😀 \u0001', null),
                    new AuditEntry('note.read', 'note', 'n-1', UUID.nameUUIDFromBytes('c'.bytes),
                            [body: new Change('<b>"quoted"</b> \\ é', null)]))
        }
        checkpoints.signAll()
        def result = verification.verify(chain, 'sample')
        println "sample chain: ${describe(result)}"
        Files.createDirectories(dir)
        export.jsonLines(caller(0), chain, true).withCloseable { Files.copy(it, dir.resolve('export.jsonl')) }
        export.jsonLines(caller(0), chain, false).withCloseable { Files.copy(it, dir.resolve('export-redacted.jsonl')) }
        Files.writeString(dir.resolve('public-key.pem'), publicKeyPem())
        println "written: ${dir.resolve('export.jsonl')}, ${dir.resolve('export-redacted.jsonl')}, ${dir.resolve('public-key.pem')}"
        result.valid() ? 0 : 1
    }

    private void writeEvents(UUID chain, int events, int batch, int checkpointAt) {
        int written = 0
        while (written < events) {
            int size = Math.min(batch, events - written)
            int first = written + 1
            transactions.write(chain) {
                def caller = caller(first)
                for (int i = first; i < first + size; i++) {
                    trail.record(caller, entry(i))
                }
                null
            }
            written += size
            if (checkpointAt > 0 && written >= checkpointAt && written - size < checkpointAt) {
                checkpoints.signAll()
            }
        }
    }

    private static Caller caller(int i) {
        def firm = Firm.values()[i % 3]
        new Caller(new CurrentUser(UUID.nameUUIDFromBytes("user-${i % 7}".bytes).toString(), "user${i % 7}@example.com",
                "User ${i % 7}", [firm.staffRole()], firm, null),
                "192.0.2.${i % 250}",
                'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Safari/537.36',
                UUID.randomUUID().toString())
    }

    private static AuditEntry entry(int i) {
        new AuditEntry('task.updated', 'task', UUID.nameUUIDFromBytes("task-${i % 500}".bytes).toString(),
                UUID.nameUUIDFromBytes("case-${i % 40}".bytes),
                [status: new Change('open', i % 2 ? 'done' : 'in_progress'),
                 title : new Change("Réponse au communiqué n°${i - 1}".toString(), "Réponse au communiqué n°${i}".toString())])
    }

    private UUID newTenant(String prefix) {
        UUID id = UUID.randomUUID()
        // tenants are platform data (no RLS); the application role may insert them
        transactions.write(TenantTransactions.PLATFORM) {
            jdbc.prepareStatement('insert into tenant (id, slug, name) values (?, ?, ?)') { ps ->
                ps.setObject(1, id)
                ps.setString(2, "${prefix}-${id.toString().substring(0, 8)}".toString())
                ps.setString(3, "Benchmark ${prefix}".toString())
                ps.executeUpdate()
            }
        }
        id
    }

    /** What AuditTrail.forEachInOrder does, minus the verification: the floor under any verify. */
    private long readOnly(UUID chain) {
        transactions.read(chain) {
            jdbc.prepareStatement("select ${COLUMNS} from audit_event order by seq".toString()) { ps ->
                ps.fetchSize = 2_000
                long rows = 0
                def rs = ps.executeQuery()
                try {
                    while (rs.next()) {
                        rs.getObject('tenant_id', UUID); rs.getLong('seq'); rs.getTimestamp('occurred_at').toInstant()
                        for (String column : TEXT_COLUMNS) {
                            rs.getString(column)
                        }
                        rs.getObject('case_id', UUID)
                        rows++
                    }
                } finally {
                    rs.close()
                }
                rows
            }
        } as long
    }

    private long countCheckpoints(UUID chain) {
        transactions.read(chain) {
            jdbc.prepareStatement('select count(*) from audit_checkpoint') { ps ->
                def rs = ps.executeQuery(); rs.next(); rs.getLong(1)
            }
        } as long
    }

    private String dataVolume(UUID chain) {
        transactions.read(chain) {
            jdbc.prepareStatement('''
                    select (select count(*) from audit_event),
                           pg_size_pretty(pg_total_relation_size('audit_event')),
                           (select count(*) from tenant),
                           r.rolsuper, r.rolbypassrls, c.relrowsecurity, c.relforcerowsecurity, current_user,
                           current_setting('server_version')
                    from pg_roles r, pg_class c where r.rolname = current_user and c.relname = 'audit_event'
                    ''') { ps ->
                def rs = ps.executeQuery()
                rs.next()
                "${rs.getLong(1)} audit events visible in this tenant's chain, audit_event table ${rs.getString(2)} " +
                        "(with indexes), ${rs.getLong(3)} tenants; PostgreSQL ${rs.getString(9)}; " +
                        "connected as ${rs.getString(8)} (superuser ${rs.getBoolean(4)}, bypassrls ${rs.getBoolean(5)}); " +
                        "RLS on audit_event: enabled ${rs.getBoolean(6)}, forced ${rs.getBoolean(7)}"
            }
        } as String
    }

    private static void printEnvironment() {
        def runtime = ManagementFactory.runtimeMXBean
        println "JVM: ${System.getProperty('java.vm.name')} ${System.getProperty('java.runtime.version')} " +
                "(${System.getProperty('java.vendor')})"
        println "JVM flags: ${runtime.inputArguments.join(' ') ?: '(none)'}; max heap " +
                "${Runtime.runtime.maxMemory().intdiv(1024 * 1024)} MB; GC " +
                "${ManagementFactory.garbageCollectorMXBeans*.name.join(', ')}"
        println "machine: ${Runtime.runtime.availableProcessors()} CPUs, ${System.getProperty('os.name')} " +
                "${System.getProperty('os.arch')}"
    }

    /** The public half of the checkpoint key file, as GET /api/v1/platform/audit/public-key serves it. */
    private String publicKeyPem() {
        String pem = Files.readString(keyFile).replaceAll('-----[A-Z ]+-----', '').replaceAll('\\s', '')
        def factory = KeyFactory.getInstance('RSA')
        def key = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.decoder.decode(pem))) as RSAPrivateCrtKey
        def publicKey = factory.generatePublic(new RSAPublicKeySpec(key.modulus, key.publicExponent))
        '-----BEGIN PUBLIC KEY-----\n' + Base64.getMimeEncoder(64, '\n'.bytes).encodeToString(publicKey.encoded) +
                '\n-----END PUBLIC KEY-----\n'
    }

    private static String describe(ChainVerification v) {
        "valid=${v.valid()} events=${v.events()} head=${v.headSeq()} checkpoints=${v.checkpoints()}" +
                (v.firstBroken() ? " broken at ${v.firstBroken().seq()}: ${v.firstBroken().reason()}" : '')
    }

    private static Map timed(Closure work) {
        long start = System.nanoTime()
        def value = work()
        [value: value, seconds: seconds(start)]
    }

    private static double seconds(long startNanos) {
        (System.nanoTime() - startNanos) / 1e9d
    }

    private static String format(double seconds) {
        String.format('%.3f', seconds)
    }

    private static long usedHeap() {
        Runtime.runtime.totalMemory() - Runtime.runtime.freeMemory()
    }

    private static Map parse(String[] args) {
        def options = [events: 100_000, batch: 1_000, runs: 5, export: null, exportSample: null]
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case '--events': options.events = args[++i] as int; break
                case '--batch': options.batch = args[++i] as int; break
                case '--runs': options.runs = args[++i] as int; break
                case '--export': options.export = args[++i]; break
                case '--export-sample': options.exportSample = args[++i]; break
                default:
                    System.err.println("unknown option ${args[i]}; see the class comment")
                    System.exit(2)
            }
        }
        options
    }
}
