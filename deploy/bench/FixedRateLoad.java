import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model HTTP load generator (wrk2-style), run as its own process by deploy/bench/cases-load.sh:
 * {@code java deploy/bench/FixedRateLoad.java --url URL --tokens FILE --rate R ...}. Needs only a JDK.
 *
 * <p>Requests arrive at a fixed mean rate whatever the server does: arrival times are drawn up front (Poisson
 * process, exponential gaps, fixed seed, like pgbench --rate), and each is sent by the first of the
 * {@code --connections} keep-alive connections that is free. Latency runs from the arrival time, not from the send, so
 * a request that waited for a free connection counts its wait (no coordinated omission). The first {@code --warmup}
 * seconds are sent but not recorded. Each request carries the next bearer token of the file (one per line), in turn.
 * {@code --rate 0} is the closed model instead: every connection sends back to back, to find the throughput ceiling.
 *
 * <p>Prints {@code PHASE measure} when the warm-up ends, then one line at the end:
 * {@code RESULT label=... p50=... p90=... p99=... max=... (ms) errors=... achieved=... (req/s)}.
 * Bounded: it sends at most rate x (warm-up + duration) requests and stops at the deadline.
 */
public class FixedRateLoad {

    public static void main(String[] args) throws Exception {
        String url = null, tokensFile = null, label = "load";
        double rate = 100;
        int warmup = 30, duration = 60, connections = 8;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--tokens" -> tokensFile = args[++i];
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--duration" -> duration = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--label" -> label = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null || tokensFile == null) {
            throw new IllegalArgumentException("--url and --tokens are required");
        }
        List<String> tokens = Files.readAllLines(Path.of(tokensFile)).stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        new FixedRateLoad(URI.create(url), tokens, rate, warmup, duration, connections, label).run();
    }

    private final URI uri;
    private final List<String> tokens;
    private final double rate;
    private final long warmupNanos;
    private final long endNanos;
    private final int connections;
    private final String label;
    private final long[] arrivals; // offsets from the start, in ns; empty in the closed model
    private final AtomicLong next = new AtomicLong();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile String firstError;
    private volatile String sample;

    FixedRateLoad(URI uri, List<String> tokens, double rate, int warmup, int duration, int connections, String label) {
        this.uri = uri;
        this.tokens = tokens;
        this.rate = rate;
        this.warmupNanos = warmup * 1_000_000_000L;
        this.endNanos = (warmup + duration) * 1_000_000_000L;
        this.connections = connections;
        this.label = label;
        if (rate > 0) {
            var random = new SplittableRandom(42);
            var offsets = new long[(int) Math.ceil(rate * (warmup + duration) * 1.2) + 16];
            double t = 0;
            int n = 0;
            while (n < offsets.length) {
                t += -Math.log(1 - random.nextDouble()) / rate; // exponential gap, mean 1/rate
                long ns = (long) (t * 1e9);
                if (ns >= endNanos) {
                    break;
                }
                offsets[n++] = ns;
            }
            this.arrivals = Arrays.copyOf(offsets, n);
        } else {
            this.arrivals = new long[0];
        }
    }

    void run() throws InterruptedException {
        var recorded = new ArrayList<long[]>();
        var counts = new int[connections];
        var threads = new ArrayList<Thread>();
        long start = System.nanoTime() + 200_000_000L; // every connection thread is up before the first arrival
        for (int c = 0; c < connections; c++) {
            long[] latencies = new long[rate > 0 ? arrivals.length : 2_000_000];
            recorded.add(latencies);
            int connection = c;
            var thread = new Thread(() -> counts[connection] = work(start, latencies), "conn-" + c);
            threads.add(thread);
            thread.start();
        }
        // tells the caller (cases-load.sh samples CPU time then) that the measured window begins
        var phase = new Thread(() -> {
            long wait;
            while ((wait = start + warmupNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            System.out.println("PHASE measure");
            System.out.flush();
        }, "phase");
        phase.setDaemon(true);
        phase.start();
        for (var thread : threads) {
            thread.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(recorded.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        double seconds = (endNanos - warmupNanos) / 1e9;
        long ok = Math.max(1, all.length - errors.get());
        System.out.printf(Locale.ROOT, "RESULT label=%s model=%s rate=%s connections=%d requests=%d errors=%d "
                        + "achieved=%.1f p50=%.2f p90=%.2f p99=%.2f max=%.2f mean=%.2f items=%.1f bytes=%d%n",
                label, rate > 0 ? "open" : "closed", rate > 0 ? String.format(Locale.ROOT, "%.0f", rate) : "max",
                connections, all.length, errors.get(), all.length / seconds, ms(pct(all, 50)), ms(pct(all, 90)),
                ms(pct(all, 99)), ms(all.length == 0 ? 0 : all[all.length - 1]),
                ms(all.length == 0 ? 0 : (long) Arrays.stream(all).average().orElse(0)),
                items.get() / (double) ok, bytes.get() / ok);
        if (sample != null) {
            System.out.println("SAMPLE " + label + " " + sample);
        }
        if (firstError != null) {
            System.out.println("FIRST_ERROR " + label + " " + firstError);
        }
    }

    /** One keep-alive connection: takes the next arrival, waits for its time, sends, records. */
    private int work(long start, long[] latencies) {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int recorded = 0;
        long wait;
        while ((wait = start - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        while (true) {
            long i = next.getAndIncrement();
            long scheduled;
            if (rate > 0) {
                if (i >= arrivals.length) {
                    break;
                }
                scheduled = start + arrivals[(int) i];
                while ((wait = scheduled - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            } else {
                scheduled = System.nanoTime();
                if (scheduled - start >= endNanos) {
                    break;
                }
            }
            boolean measured = scheduled - start >= warmupNanos;
            var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.get((int) (i % tokens.size())))
                    .header("Accept", "application/json").GET().build();
            boolean failed;
            String body = null;
            int status = 0;
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                body = new String(response.body(), StandardCharsets.UTF_8);
                failed = status != 200;
            } catch (Exception e) {
                failed = true;
                body = e.toString();
            }
            long latency = System.nanoTime() - scheduled;
            if (measured && recorded < latencies.length) {
                latencies[recorded++] = latency;
                if (failed) {
                    errors.incrementAndGet();
                    if (firstError == null) {
                        firstError = "status=" + status + " " + abbreviate(body);
                    }
                } else {
                    items.addAndGet(count(body, "{\"id\":"));
                    bytes.addAndGet(body.length());
                    if (sample == null) {
                        sample = "status=200 bytes=" + body.length() + " " + abbreviate(body);
                    }
                }
            }
        }
        return recorded;
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        s = s.replace('\n', ' ');
        return s.length() <= 240 ? s : s.substring(0, 240) + "...";
    }
}
