import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.postgresql.PGConnection;

/**
 * Live updates fan-out load, run as its own process by deploy/bench/live-load.sh:
 * {@code java -cp postgresql.jar deploy/bench/LiveLoad.java --url URL --tokens FILE --jdbc URL ...}.
 *
 * <p>One JDBC connection (the writer) inserts {@code live_event} rows (topic intake, audience {'staff'}), one per
 * transaction, at a fixed mean rate (Poisson arrivals, fixed seed); the time just before each commit is the start of
 * that event's latency. Receivers, in this same JVM and on the same clock ({@code System.nanoTime}):
 * <ul>
 *   <li>the ceiling: one plain JDBC connection that LISTENs on {@code taskforce_live}, as the application's own
 *       listener does — commit to NOTIFY received, without the application;</li>
 *   <li>{@code --clients} server-sent-event streams on {@code GET /api/v1/live} (HTTP/1.1, one connection each, the
 *       tokens of the file in turn) — commit to the event's {@code id:} line read from the socket, over every
 *       (event, client) pair.</li>
 * </ul>
 * Steps: memory of the application idle; each rate of {@code --rates} and {@code --push} with the JDBC listener only
 * ("ceiling"); connect the clients; memory; each rate of {@code --rates} with the clients (the JDBC listener keeps
 * recording, "listen under load"); the reorder check (two writers whose commits overtake each other's ids); then the
 * {@code --push} rates until one saturates (p99 over 1 s, or not drained 20 s after the last event); memory. After each rate it waits until every client
 * has the last event (at most 20 s), then counts, per client, the events never received (losses), duplicates and
 * out-of-order ids. CPU of the application, PostgreSQL (server and backends) and this driver over each measured
 * window, from /proc. Prints Markdown tables on stdout, progress on stderr. Bounded: every loop has a deadline.
 */
public class LiveLoad {

    // --- latency histogram, microseconds: 10 us buckets below 10 ms, 1 ms below 1 s, 100 ms below 60 s -----------
    static final int BUCKETS = 1000 + 990 + 590 + 1;

    static int bucket(long us) {
        if (us < 0) us = 0;
        if (us < 10_000) return (int) (us / 10);
        if (us < 1_000_000) return 1000 + (int) ((us - 10_000) / 1000);
        return (int) Math.min(1990 + (us - 1_000_000) / 100_000, BUCKETS - 1);
    }

    static double upperMs(int b) { // the bucket's upper bound, in ms
        if (b < 1000) return (b + 1) * 0.01;
        if (b < 1990) return 10 + (b - 1000 + 1);
        return 1000 + (b - 1990 + 1) * 100.0;
    }

    static final class Histogram {
        final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
        final AtomicLong n = new AtomicLong();
        final AtomicLong maxUs = new AtomicLong();

        void record(long us) {
            counts.incrementAndGet(bucket(us));
            n.incrementAndGet();
            maxUs.accumulateAndGet(us, Math::max);
        }

        double pct(double p) {
            long total = n.get();
            if (total == 0) return Double.NaN;
            long rank = (long) Math.ceil(p / 100 * total), seen = 0;
            for (int b = 0; b < BUCKETS; b++) {
                seen += counts.get(b);
                if (seen >= rank) return Math.min(upperMs(b), maxUs.get() / 1000.0);
            }
            return maxUs.get() / 1000.0;
        }
    }

    /** One measured rate on one side. */
    static final class Phase {
        final String name;
        final double rate;
        final Histogram sse = new Histogram(), listen = new Histogram(), lag = new Histogram();
        int firstIndex = -1, lastIndex = -1, events, warmEvents;
        long cpuApp, cpuPg, cpuDriver, windowNanos;
        String threads = "";
        long drainedNanos = -1;
        long lost, dups, clientsComplete;
        long listenLost;

        Phase(String name, double rate) {
            this.name = name;
            this.rate = rate;
        }
    }

    // --- configuration ------------------------------------------------------------------------------------------
    URI url;
    List<String> tokens;
    String jdbc, user, password;
    int clients = 1000, warmup = 10, duration = 30, reorderPairs = 50;
    double[] rates = {10, 50, 200};
    double[] push = {500, 1000};
    long appPid, pgPid;
    String jcmd, metricsUrl;

    // --- events: index = id - base; send time (ns, before commit) and phase, written before the commit -----------
    static final int CAPACITY = 4_000_000;
    long base = -1;
    final AtomicLongArray sentAt = new AtomicLongArray(CAPACITY);
    final byte[] phaseOf = new byte[CAPACITY];
    final List<Phase> phases = new java.util.concurrent.CopyOnWriteArrayList<>(); // phaseOf holds index + 1
    volatile long lastIdSent = -1;
    final AtomicLong foreign = new AtomicLong();

    // --- receivers ----------------------------------------------------------------------------------------------
    Client[] sseClients = new Client[0];
    final AtomicLong listenLastId = new AtomicLong(-1);
    final AtomicIntegerArray listenSeen = new AtomicIntegerArray(CAPACITY / 32 + 1); // bit set of ids heard

    public static void main(String[] args) throws Exception {
        var load = new LiveLoad();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> load.url = URI.create(args[++i]);
                case "--metrics" -> load.metricsUrl = args[++i];
                case "--tokens" -> load.tokens = Files.readAllLines(Path.of(args[++i])).stream().map(String::trim)
                        .filter(s -> !s.isEmpty()).toList();
                case "--jdbc" -> load.jdbc = args[++i];
                case "--user" -> load.user = args[++i];
                case "--password" -> load.password = args[++i];
                case "--clients" -> load.clients = Integer.parseInt(args[++i]);
                case "--rates" -> load.rates = parse(args[++i]);
                case "--push" -> load.push = parse(args[++i]);
                case "--warmup" -> load.warmup = Integer.parseInt(args[++i]);
                case "--duration" -> load.duration = Integer.parseInt(args[++i]);
                case "--reorder" -> load.reorderPairs = Integer.parseInt(args[++i]);
                case "--app-pid" -> load.appPid = Long.parseLong(args[++i]);
                case "--pg-pid" -> load.pgPid = Long.parseLong(args[++i]);
                case "--jcmd" -> load.jcmd = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (load.url == null || load.tokens == null || load.jdbc == null) {
            throw new IllegalArgumentException("--url, --tokens and --jdbc are required");
        }
        load.run();
        System.exit(0);
    }

    static double[] parse(String list) {
        return list.isBlank() ? new double[0]
                : java.util.Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[live-load] " + format + "%n", args);
    }

    // --- the run ------------------------------------------------------------------------------------------------
    void run() throws Exception {
        var out = new StringBuilder();
        try (Connection writer = DriverManager.getConnection(jdbc, user, password);
             Connection listener = DriverManager.getConnection(jdbc, user, password)) {
            writer.setAutoCommit(false);
            try (var st = listener.createStatement()) {
                st.execute("listen taskforce_live");
            }
            var listenThread = Thread.ofPlatform().daemon().name("jdbc-listener").start(() -> listen(listener));
            var memory = new ArrayList<String>();
            memory.add(memory("application idle, no client"));

            for (double rate : rates) {
                drive(writer, new Phase("ceiling", rate), false);
            }
            for (double rate : push) {
                drive(writer, new Phase("ceiling", rate), false);
            }

            log("connecting %d clients to %s", clients, url);
            long t0 = System.nanoTime();
            connect();
            log("%d clients streaming after %.1f s", streaming(), (System.nanoTime() - t0) / 1e9);
            String connectTime = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9);
            Thread.sleep(5000);
            memory.add(memory(streaming() + " clients connected, no event yet"));

            Phase saturated = null;
            for (double rate : rates) {
                var p = drive(writer, new Phase("sse", rate), true);
                if (isSaturated(p)) { saturated = p; break; }
            }
            // before pushing to saturation, which may leave the application unable to deliver anything
            String reorder = reorder();
            if (saturated == null) {
                for (double rate : push) {
                    var p = drive(writer, new Phase("sse", rate), true);
                    if (isSaturated(p)) { saturated = p; break; }
                }
            }
            memory.add(memory(streaming() + " clients streaming, after the rates"));
            int closed = closedStreams();

            out.append(table(connectTime, saturated)).append('\n');
            out.append("Memory of the application (`VmRSS`, threads from /proc/<pid>/status; heap used = sum of "
                    + "`jvm_memory_used_bytes{area=\"heap\"}` from `/prometheus`, as found and right after `jcmd GC.run`):\n\n");
            out.append("| when | RSS MB | threads | heap used MB | heap used after GC MB | non-heap MB |\n|---|---|---|---|---|---|\n");
            memory.forEach(m -> out.append(m).append('\n'));
            out.append('\n').append(reorder).append('\n');
            out.append(String.format(Locale.ROOT, "Streams closed by the server or failed during the run: %d; "
                    + "events of other writers seen: %d.%n", closed, foreign.get()));
            listenThread.interrupt();
        }
        System.out.print(out);
        System.out.flush();
    }

    boolean isSaturated(Phase p) {
        return p.drainedNanos < 0 || p.sse.pct(99) > 1000;
    }

    /** Inserts events at {@code rate}/s for warm-up + duration seconds, one per transaction; then drains. */
    Phase drive(Connection writer, Phase phase, boolean withClients) throws Exception {
        phases.add(phase);
        byte index = (byte) phases.size(); // its index + 1; 0 = not measured (warm-up)
        byte warmIndex = 0;
        log("%s at %.0f events/s: %d s warm-up + %d s", phase.name, phase.rate, warmup, duration);
        var random = new SplittableRandom(42);
        long start = System.nanoTime(), warmEnd = start + warmup * 1_000_000_000L,
                end = warmEnd + duration * 1_000_000_000L;
        long next = start;
        long[] cpu0 = null;
        java.util.Map<String, Long> threads0 = null;
        boolean measuring = false;
        try (PreparedStatement insert = writer.prepareStatement(
                "insert into live_event (topic, case_id, audience) values ('intake', null, array['staff']) returning id")) {
            while (true) {
                next += (long) (-Math.log(1 - random.nextDouble()) / phase.rate * 1e9);
                if (next >= end) break;
                long now;
                while ((now = System.nanoTime()) < next) {
                    LockSupport.parkNanos(Math.min(next - now, 1_000_000));
                }
                if (!measuring && next >= warmEnd) {
                    measuring = true;
                    cpu0 = cpu();
                    threads0 = threadTicks();
                }
                long id;
                try (var rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                if (base < 0) base = id - 1;
                int i = (int) (id - base);
                if (i >= CAPACITY) throw new IllegalStateException("too many events for the driver's arrays");
                phaseOf[i] = measuring ? index : warmIndex;
                long before = System.nanoTime();
                sentAt.set(i, before);
                writer.commit();
                lastIdSent = id;
                if (measuring) {
                    phase.lag.record((before - next) / 1000);
                    if (phase.firstIndex < 0) phase.firstIndex = i;
                    phase.lastIndex = i;
                    phase.events++;
                } else {
                    phase.warmEvents++;
                }
            }
        }
        long[] cpu1 = cpu();
        phase.windowNanos = System.nanoTime() - warmEnd;
        if (threads0 != null) phase.threads = busiest(threads0, threadTicks(), phase.windowNanos);
        if (cpu0 != null) {
            phase.cpuApp = cpu1[0] - cpu0[0];
            phase.cpuPg = cpu1[1] - cpu0[1];
            phase.cpuDriver = cpu1[2] - cpu0[2];
        }
        // drain: every receiver has the last event, or 20 s passed
        long last = lastIdSent, drainStart = System.nanoTime(), deadline = drainStart + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean done = listenLastId.get() >= last;
            if (withClients) {
                for (var c : sseClients) {
                    if (c.open && c.lastId < last) { done = false; break; }
                }
            }
            if (done) { phase.drainedNanos = System.nanoTime() - drainStart; break; }
            Thread.sleep(20);
        }
        Thread.sleep(200);
        // losses over the measured events: per client, the events of this phase it never received
        if (phase.firstIndex >= 0) {
            for (int i = phase.firstIndex; i <= phase.lastIndex; i++) {
                if (phaseOf[i] == index && !heard(i)) phase.listenLost++;
            }
            if (withClients) {
                for (var c : sseClients) {
                    int got = c.received.get(index);
                    phase.lost += Math.max(0, phase.events - got);
                    phase.dups += c.disorder.get(index);
                    if (got >= phase.events) phase.clientsComplete++;
                }
            }
        }
        log("  %s %.0f/s: %d events, listen p50 %.2f p99 %.2f ms%s; drained in %s; CPU s app %.1f pg %.1f driver %.1f",
                phase.name, phase.rate, phase.events, phase.listen.pct(50), phase.listen.pct(99),
                withClients ? String.format(Locale.ROOT, ", SSE pairs %d p50 %.2f p99 %.2f max %.2f ms, lost %d",
                        phase.sse.n.get(), phase.sse.pct(50), phase.sse.pct(99), phase.sse.maxUs.get() / 1000.0, phase.lost) : "",
                phase.drainedNanos < 0 ? "NOT drained after 20 s" : String.format(Locale.ROOT, "%.2f s", phase.drainedNanos / 1e9),
                phase.cpuApp / 100.0, phase.cpuPg / 100.0, phase.cpuDriver / 100.0);
        log("  busiest threads of the application (share of one core): %s", phase.threads);
        return phase;
    }

    boolean heard(int i) {
        return (listenSeen.get(i >>> 5) & (1 << (i & 31))) != 0;
    }

    /** Where an event's latency goes: the phase it was sent in, if measured. */
    void received(long id, long nanos, boolean sse) {
        long b = base;
        if (b < 0 || id <= b || id - b >= CAPACITY) { foreign.incrementAndGet(); return; }
        int i = (int) (id - b);
        long sent = sentAt.get(i);
        if (sent == 0) { foreign.incrementAndGet(); return; }
        int p = phaseOf[i] - 1;
        if (p < 0 || p >= phases.size()) return; // warm-up
        var phase = phases.get(p);
        (sse ? phase.sse : phase.listen).record((nanos - sent) / 1000);
    }

    // --- the JDBC listener (the ceiling) ------------------------------------------------------------------------
    void listen(Connection connection) {
        try {
            var pg = connection.unwrap(PGConnection.class);
            while (!Thread.currentThread().isInterrupted()) {
                var notifications = pg.getNotifications(500);
                if (notifications == null) continue;
                long now = System.nanoTime();
                for (var n : notifications) {
                    long id = Long.parseLong(n.getParameter());
                    received(id, now, false);
                    long b = base;
                    if (b >= 0 && id > b && id - b < CAPACITY) {
                        int i = (int) (id - b);
                        int word = i >>> 5, bit = 1 << (i & 31);
                        listenSeen.getAndUpdate(word, w -> w | bit);
                    }
                    listenLastId.accumulateAndGet(id, Math::max);
                }
            }
        } catch (SQLException e) {
            if (!Thread.currentThread().isInterrupted()) log("JDBC listener failed: %s", e);
        }
    }

    // --- SSE clients ----------------------------------------------------------------------------------------------
    final class Client implements Flow.Subscriber<List<ByteBuffer>> {
        final AtomicIntegerArray received = new AtomicIntegerArray(64);
        final AtomicIntegerArray disorder = new AtomicIntegerArray(64);
        final byte[] line = new byte[256];
        int length;
        volatile long lastId = -1;
        volatile boolean open;
        volatile int pings;
        volatile int status;
        volatile String failure;
        Flow.Subscription subscription;

        @Override public void onSubscribe(Flow.Subscription s) { subscription = s; open = true; s.request(Long.MAX_VALUE); }

        @Override public void onNext(List<ByteBuffer> buffers) {
            long now = System.nanoTime();
            for (var buffer : buffers) {
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n') { line(now); length = 0; }
                    else if (length < line.length) line[length++] = b;
                }
            }
        }

        private void line(long now) {
            // "id: 123" (a ping carries no id)
            if (length > 3 && line[0] == 'i' && line[1] == 'd' && line[2] == ':') {
                long id = 0;
                for (int k = 3; k < length; k++) {
                    byte c = line[k];
                    if (c >= '0' && c <= '9') id = id * 10 + (c - '0');
                }
                long b = base;
                if (b >= 0 && id > b && id - b < CAPACITY) {
                    int p = phaseOf[(int) (id - b)];
                    if (id <= lastId) { if (p > 0) disorder.incrementAndGet(p); }
                    else if (p > 0) received.incrementAndGet(p);
                }
                if (id > lastId) lastId = id;
                received(id, now, true);
            } else if (length >= 6 && line[0] == 'e' && line[5] == ':'
                    && new String(line, 0, length, StandardCharsets.US_ASCII).contains("ping")) {
                pings++;
            }
        }

        @Override public void onError(Throwable t) { open = false; failure = t.toString(); }

        @Override public void onComplete() { open = false; failure = "closed by the server"; }
    }

    HttpClient http;

    void connect() throws InterruptedException {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        sseClients = new Client[clients];
        for (int k = 0; k < clients; k++) {
            var client = new Client();
            sseClients[k] = client;
            var request = HttpRequest.newBuilder(url).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + tokens.get(k % tokens.size())).GET().build();
            http.sendAsync(request, info -> {
                client.status = info.statusCode();
                return HttpResponse.BodySubscribers.fromSubscriber(client);
            }).whenComplete((r, e) -> {
                if (e != null) { client.open = false; client.failure = e.toString(); }
            });
            if (k % 50 == 49) Thread.sleep(50); // do not open them all in the same millisecond
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && streaming() < clients && failed() == 0) {
            Thread.sleep(100);
        }
        if (streaming() < clients) {
            for (var c : sseClients) {
                if (c.pings == 0) {
                    throw new IllegalStateException("a client is not streaming: status " + c.status + ", " + c.failure);
                }
            }
        }
    }

    int streaming() {
        int n = 0;
        for (var c : sseClients) if (c.open && c.pings > 0 && c.status == 200) n++;
        return n;
    }

    int failed() {
        int n = 0;
        for (var c : sseClients) if (c.failure != null || (c.status != 0 && c.status != 200)) n++;
        return n;
    }

    int closedStreams() {
        int n = 0;
        for (var c : sseClients) if (!c.open) n++;
        return n;
    }

    // --- the reorder check: commits that overtake the order of ids ------------------------------------------------
    String reorder() throws Exception {
        if (reorderPairs <= 0 || sseClients.length == 0) return "";
        log("reorder check: %d pairs of transactions that commit in the opposite order of their ids", reorderPairs);
        var phase = new Phase("reorder", 0);
        phases.add(phase);
        byte index = (byte) phases.size();
        long[] late = new long[reorderPairs];
        String sql = "insert into live_event (topic, case_id, audience) values ('intake', null, array['staff']) returning id";
        try (Connection a = DriverManager.getConnection(jdbc, user, password);
             Connection b = DriverManager.getConnection(jdbc, user, password);
             var pa = a.prepareStatement(sql); var pb = b.prepareStatement(sql)) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            for (int k = 0; k < reorderPairs; k++) {
                long idA = one(pa), idB = one(pb); // A takes the smaller id ...
                for (long id : new long[]{idA, idB}) {
                    int i = (int) (id - base);
                    phaseOf[i] = index;
                    sentAt.set(i, System.nanoTime());
                }
                b.commit();                        // ... but B commits first
                Thread.sleep(5);
                a.commit();
                late[k] = idA;
                lastIdSent = Math.max(idA, idB);
                phase.events += 2;
                Thread.sleep(20);
            }
        }
        long last = lastIdSent, deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean done = listenLastId.get() >= last;
            for (var c : sseClients) if (c.open && c.lastId < last) done = false;
            if (done) break;
            Thread.sleep(20);
        }
        Thread.sleep(1000);
        long heard = 0;
        for (long id : late) if (heard((int) (id - base))) heard++;
        long got = 0;
        for (var c : sseClients) got += c.received.get(index);
        long expected = (long) phase.events * sseClients.length;
        String text = String.format(Locale.ROOT, "Reorder check: %d pairs of overlapping transactions on two connections, "
                        + "the one with the smaller id committing ~5 ms after the other (%d events, %d SSE clients). "
                        + "The JDBC listener heard %d of the %d late commits (and all events: %s); "
                        + "the SSE clients received %d of %d (event, client) pairs: **%d lost** (%.1f %%).%n",
                reorderPairs, phase.events, sseClients.length, heard, reorderPairs,
                listenLastId.get() >= last ? "yes" : "no", got, expected, expected - got, 100.0 * (expected - got) / expected);
        log("%s", text.trim());
        return text;
    }

    static long one(PreparedStatement ps) throws SQLException {
        try (var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // --- measurements of the application's process -------------------------------------------------------------
    long[] cpu() {
        return new long[]{ticks(appPid, false), pgTicks(), ticks(ProcessHandle.current().pid(), false)};
    }

    static long ticks(long pid, boolean withChildren) {
        if (pid <= 0) return 0;
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14..17 of stat (utime, stime, cutime, cstime) are 11..14 after the state field
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withChildren) t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return t;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    long pgTicks() {
        if (pgPid <= 0) return 0;
        long t = ticks(pgPid, true);
        var pm = ProcessHandle.of(pgPid);
        if (pm.isPresent()) {
            for (var child : pm.get().children().toList()) t += ticks(child.pid(), false);
        }
        return t;
    }

    /** CPU ticks of the application's threads, by name with the trailing numbers dropped (pools add them up). */
    java.util.Map<String, Long> threadTicks() {
        var ticks = new java.util.HashMap<String, Long>();
        if (appPid <= 0) return ticks;
        try (var tasks = Files.list(Path.of("/proc/" + appPid + "/task"))) {
            for (var task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[-#0-9]+$", "");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    static String busiest(java.util.Map<String, Long> before, java.util.Map<String, Long> after, long windowNanos) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(4)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 100.0 / (windowNanos / 1e9)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    String memory(String when) {
        try {
            double heap = heapMb(), nonHeap = lastNonHeap;
            String rss = status("VmRSS"), threads = status("Threads");
            double heapAfterGc = Double.NaN;
            if (jcmd != null && appPid > 0) {
                new ProcessBuilder(jcmd, Long.toString(appPid), "GC.run").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
                Thread.sleep(500);
                heapAfterGc = heapMb();
                rss = status("VmRSS");
            }
            String row = String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f |", when,
                    rss.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", Long.parseLong(rss.split("\\s+")[0]) / 1024.0),
                    threads, heap, heapAfterGc, nonHeap);
            log("memory: %s", row);
            return row;
        } catch (Exception e) {
            String rss = "-";
            try {
                rss = String.format(Locale.ROOT, "%.1f", Long.parseLong(status("VmRSS").split("\\s+")[0]) / 1024.0);
            } catch (Exception ignored) {
                // the process is gone
            }
            String row = "| " + when + " | " + rss + " | | no answer from /prometheus (" + e.getClass().getSimpleName() + ") | | |";
            log("memory: %s", row);
            return row;
        }
    }

    double lastNonHeap;

    double heapMb() throws IOException, InterruptedException {
        if (metricsUrl == null) return Double.NaN;
        // bounded: an application out of memory may never answer
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var body = client.send(HttpRequest.newBuilder(URI.create(metricsUrl)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double heap = 0, nonHeap = 0;
        for (var l : body.split("\n")) {
            if (l.startsWith("jvm_memory_used_bytes{")) {
                double v = Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
                if (l.contains("area=\"heap\"")) heap += v; else nonHeap += v;
            }
        }
        lastNonHeap = nonHeap / 1048576;
        return heap / 1048576;
    }

    String status(String key) throws IOException {
        if (appPid <= 0) return "";
        for (var l : Files.readAllLines(Path.of("/proc/" + appPid + "/status"))) {
            if (l.startsWith(key + ":")) return l.substring(key.length() + 1).trim();
        }
        return "";
    }

    // --- the report ---------------------------------------------------------------------------------------------
    String table(String connectTime, Phase saturated) {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d SSE clients (HTTP/1.1, one connection each) connected and streaming in %s. "
                + "Latency from just before the writer's commit to the receipt of the event's `id:` line; "
                + "\"pairs\" = (event, client) pairs; lost = pairs never received after draining.%n%n", clients, connectTime));
        sb.append("| rate ev/s | receiver | events | pairs | lost | p50 ms | p90 ms | p99 ms | max ms | drained after | CPU cores app + PG + driver | SSE / ceiling p50, p99 |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        var busy = new StringBuilder("\nBusiest threads of the application during each measured window (CPU, in cores; pools summed by name):\n\n");
        for (var p : phases) {
            if (p.name.equals("reorder")) continue;
            boolean sse = p.name.equals("sse");
            var ceiling = phases.stream().filter(q -> q.name.equals("ceiling") && q.rate == p.rate).findFirst().orElse(null);
            String cores = p.windowNanos > 0 ? String.format(Locale.ROOT, "%.2f + %.2f + %.2f",
                    p.cpuApp / 100.0 / (p.windowNanos / 1e9), p.cpuPg / 100.0 / (p.windowNanos / 1e9),
                    p.cpuDriver / 100.0 / (p.windowNanos / 1e9)) : "-";
            String drained = p.drainedNanos < 0 ? "not in 20 s" : String.format(Locale.ROOT, "%.2f s", p.drainedNanos / 1e9);
            if (sse) {
                String ratio = ceiling == null ? "-" : String.format(Locale.ROOT, "**%.1f**, **%.1f**",
                        p.sse.pct(50) / ceiling.listen.pct(50), p.sse.pct(99) / ceiling.listen.pct(99));
                sb.append(row(p.rate, "**" + clients + " SSE clients**" + (p == saturated ? " (saturated)" : ""), p.events,
                        p.sse, p.lost, drained, cores, ratio));
                sb.append(row(p.rate, "JDBC LISTEN, same time", p.events, p.listen, p.listenLost, "", "", ""));
                busy.append(String.format(Locale.ROOT, "- %.0f events/s with %d clients: %s%n", p.rate, clients, p.threads));
            } else {
                sb.append(row(p.rate, "JDBC LISTEN only (ceiling)", p.events, p.listen, p.listenLost, drained, cores, ""));
            }
        }
        sb.append(busy);
        long lagMax = 0;
        for (var p : phases) lagMax = Math.max(lagMax, p.lag.maxUs.get());
        sb.append(String.format(Locale.ROOT, "%nThe writer kept to its schedule: largest delay of a commit behind its "
                + "scheduled arrival %.1f ms.%n", lagMax / 1000.0));
        if (saturated != null) {
            sb.append(String.format(Locale.ROOT, "Saturated at %.0f events/s (p99 over 1 s or not drained within 20 s).%n", saturated.rate));
        } else {
            sb.append("Not saturated at the highest rate tried.\n");
        }
        return sb.toString();
    }

    static String row(double rate, String who, int events, Histogram h, long lost, String drained, String cores, String ratio) {
        return String.format(Locale.ROOT, "| %.0f | %s | %d | %d | %d | %.2f | %.2f | %.2f | %.2f | %s | %s | %s |%n",
                rate, who, events, h.n.get(), lost, h.pct(50), h.pct(90), h.pct(99), h.maxUs.get() / 1000.0, drained, cores, ratio);
    }
}
