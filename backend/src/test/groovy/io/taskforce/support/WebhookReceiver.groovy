package io.taskforce.support

import com.sun.net.httpserver.HttpServer
import groovy.json.JsonSlurper

import java.nio.charset.StandardCharsets
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList

/**
 * A real HTTP receiver for webhook deliveries, on a free port of this machine (the JDK's HttpServer): it records every
 * request (path, headers, raw body, when it arrived) and answers the status set for its path (200 unless told).
 */
final class WebhookReceiver implements AutoCloseable {

    final HttpServer server
    final List<Received> received = new CopyOnWriteArrayList<>()
    final Map<String, Integer> statuses = new ConcurrentHashMap<>()

    WebhookReceiver() {
        server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
        server.createContext('/') { exchange ->
            String body = new String(exchange.requestBody.readAllBytes(), StandardCharsets.UTF_8)
            Map<String, String> headers = exchange.requestHeaders.collectEntries { k, v -> [(k.toLowerCase()): v.first()] }
            String path = exchange.requestURI.path
            received << new Received(path, headers, body, System.currentTimeMillis())
            int status = statuses.getOrDefault(path, 200)
            exchange.sendResponseHeaders(status, -1)
            exchange.close()
        }
        server.start()
    }

    String url(String path) { "http://127.0.0.1:${server.address.port}${path}" }

    List<Received> at(String path) { received.findAll { it.path == path } }

    @Override
    void close() { server.stop(0) }

    static final class Received {
        final String path
        final Map<String, String> headers
        final String body
        final long at

        Received(String path, Map<String, String> headers, String body, long at) {
            this.path = path
            this.headers = headers
            this.body = body
            this.at = at
        }

        String header(String name) { headers[name.toLowerCase()] }

        Map getJson() { new JsonSlurper().parseText(body) as Map }
    }
}
