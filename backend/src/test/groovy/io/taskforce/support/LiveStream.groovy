package io.taskforce.support

import groovy.json.JsonSlurper

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.BlockingQueue
import java.util.concurrent.CompletableFuture
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit
import java.util.stream.Stream

/**
 * A server-sent-events client for specs, like the browser's: the token in the Authorization header, Last-Event-ID
 * when resuming. Events (id, event, data parsed from JSON) are collected as they arrive; pings are dropped.
 */
final class LiveStream implements Closeable {

    private static final HttpClient HTTP = HttpClient.newHttpClient()

    final BlockingQueue<Map> events = new LinkedBlockingQueue<>()
    private final CompletableFuture<HttpResponse<Stream<String>>> response
    private volatile Stream<String> lines

    LiveStream(URI base, String token, String lastEventId = null) {
        def builder = HttpRequest.newBuilder(base.resolve('/api/v1/live')).header('Accept', 'text/event-stream')
        if (token != null) builder.header('Authorization', "Bearer ${token}")
        if (lastEventId != null) builder.header('Last-Event-ID', lastEventId)
        response = HTTP.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofLines())
        response.thenAccept { r ->
            if (r.statusCode() != 200) {
                events << [status: r.statusCode()]
                return
            }
            lines = r.body()
            Thread.start { read(lines) }
        }
    }

    /** The HTTP status of the stream (waits for the headers). */
    int status() {
        response.get(10, TimeUnit.SECONDS).statusCode()
    }

    /** The next event on the topic (others seen on the way are dropped), or null after the timeout. */
    Map next(String topic, long timeoutSeconds = 15) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds)
        while (System.nanoTime() < end) {
            Map e = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS)
            if (e == null) return null
            if (e.event == topic) return e
        }
        null
    }

    /** The next event on the topic for the case, or null after the timeout. */
    Map nextFor(String topic, String caseId, long timeoutSeconds = 15) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds)
        while (System.nanoTime() < end) {
            Map e = next(topic, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(end - System.nanoTime())))
            if (e == null) return null
            if (e.data?.caseId == caseId) return e
        }
        null
    }

    /** Everything received within the given time. */
    List<Map> drain(long millis) {
        Thread.sleep(millis)
        def all = []
        events.drainTo(all)
        all
    }

    private void read(Stream<String> body) {
        Map current = [:]
        try {
            body.forEach { String line ->
                if (line.isEmpty()) {
                    if (current.data != null && current.event != 'ping') {
                        current.data = new JsonSlurper().parseText(current.data as String)
                        events << current
                    }
                    current = [:]
                } else if (line.startsWith('id:')) {
                    current.id = line.substring(3).trim()
                } else if (line.startsWith('event:')) {
                    current.event = line.substring(6).trim()
                } else if (line.startsWith('data:')) {
                    current.data = (current.data ?: '') + line.substring(5).trim()
                }
            }
        } catch (UncheckedIOException ignored) {
            // closed by the spec
        }
    }

    @Override
    void close() {
        response.cancel(true)
        lines?.close()
    }
}
