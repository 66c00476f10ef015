package io.taskforce.support

import groovy.json.JsonOutput
import groovy.json.JsonSlurper

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/** A small HTTP client for specs: the real server over the network, the response as status + parsed body. */
final class Api {

    private static final HttpClient HTTP = HttpClient.newHttpClient()
    final URI base

    Api(URI base) { this.base = base }

    Response get(String path, String token = null, Map<String, String> headers = [:]) {
        send('GET', path, token, null, headers)
    }

    Response post(String path, String token, Object body = null) { send('POST', path, token, body) }

    Response put(String path, String token, Object body = null) { send('PUT', path, token, body) }

    Response patch(String path, String token, Object body = null) { send('PATCH', path, token, body) }

    Response delete(String path, String token) { send('DELETE', path, token, null) }

    Response send(String method, String path, String token, Object body, Map<String, String> headers = [:]) {
        def builder = HttpRequest.newBuilder(base.resolve(path))
        if (token != null) builder.header('Authorization', "Bearer ${token}")
        headers.each { k, v -> builder.header(k, v) }
        if (body != null) {
            // JSON unless the caller names another type (the CSV import)
            if (!headers.keySet().any { it.equalsIgnoreCase('Content-Type') }) builder.header('Content-Type', 'application/json')
            builder.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String ? body : JsonOutput.toJson(body)))
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody())
        }
        def response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString())
        new Response(response.statusCode(), response.headers().firstValue('Content-Type').orElse(''), response.body(),
                response.headers().map())
    }

    /** A multipart/form-data POST: text fields and one file part named "file" (evidence uploads). */
    Response multipart(String path, String token, Map<String, String> fields, String fileName, String fileType, byte[] content) {
        String boundary = "----taskforce${UUID.randomUUID().toString().replace('-', '')}"
        def out = new ByteArrayOutputStream()
        fields.each { name, value ->
            out.write("--${boundary}\r\nContent-Disposition: form-data; name=\"${name}\"\r\n\r\n${value}\r\n".getBytes('UTF-8'))
        }
        out.write(("--${boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"${fileName}\"\r\n" +
                "Content-Type: ${fileType}\r\n\r\n").getBytes('UTF-8'))
        out.write(content)
        out.write("\r\n--${boundary}--\r\n".getBytes('UTF-8'))
        def builder = HttpRequest.newBuilder(base.resolve(path))
                .header('Content-Type', "multipart/form-data; boundary=${boundary}")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
        if (token != null) builder.header('Authorization', "Bearer ${token}")
        def response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString())
        new Response(response.statusCode(), response.headers().firstValue('Content-Type').orElse(''), response.body(),
                response.headers().map())
    }

    static final class Response {
        final int status
        final String contentType
        final String text
        final Map<String, List<String>> headers

        Response(int status, String contentType, String text, Map<String, List<String>> headers) {
            this.status = status
            this.contentType = contentType
            this.text = text
            this.headers = headers
        }

        String header(String name) {
            headers.find { it.key.equalsIgnoreCase(name) }?.value?.first()
        }

        def getJson() { text ? new JsonSlurper().parseText(text) : null }

        boolean isProblem() { contentType.startsWith('application/problem+json') }

        String toString() { "${status} ${contentType} ${text?.take(500)}" }
    }
}
