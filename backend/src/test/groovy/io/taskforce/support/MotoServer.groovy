package io.taskforce.support

import io.taskforce.platform.s3.S3Connection
import software.amazon.awssdk.services.s3.S3Client

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * A real S3-compatible server for the specs: moto's standalone server (Python), started on a free port of this
 * machine and stopped with the spec. Without it the spec fails and says how to install it (.ci/run does).
 */
final class MotoServer implements AutoCloseable {

    static final String REGION = 'eu-west-3'
    static final String ACCESS_KEY = 'taskforce-test'
    static final String SECRET_KEY = 'taskforce-test-secret'

    final int port
    private final Process process

    private MotoServer(int port, Process process) {
        this.port = port
        this.process = process
    }

    static MotoServer start() {
        int port = new ServerSocket(0).withCloseable { it.localPort }
        Path log = Path.of(System.getProperty('taskforce.test.work', 'target/test-work')).resolve('moto-server.log')
        Files.createDirectories(log.parent)
        def process = new ProcessBuilder(command() + ['-H', '127.0.0.1', '-p', port.toString()])
                .redirectErrorStream(true).redirectOutput(log.toFile()).start()
        def server = new MotoServer(port, process)
        long deadline = System.currentTimeMillis() + 30_000
        while (!server.answers()) {
            if (!process.alive || System.currentTimeMillis() > deadline) {
                server.close()
                throw new IllegalStateException("moto_server did not start on port ${port}; its output is in ${log}")
            }
            Thread.sleep(100)
        }
        server
    }

    String endpoint() { "http://127.0.0.1:${port}" }

    /** A client of this server, as an operator's tool would be: to create buckets, read objects back, tamper with them. */
    S3Client client() {
        new S3Connection(endpoint(), REGION, ACCESS_KEY, SECRET_KEY, true).client()
    }

    @Override
    void close() {
        process.destroy()
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly()
        }
    }

    private boolean answers() {
        try {
            def connection = new URL("${endpoint()}/moto-api/").openConnection() as HttpURLConnection
            connection.connectTimeout = 500
            connection.readTimeout = 2000
            return connection.responseCode < 500
        } catch (IOException ignored) {
            return false
        }
    }

    /** moto_server on the PATH, or moto's server module in python3 when only the package is there. */
    private static List<String> command() {
        if (onPath('moto_server')) {
            return ['moto_server']
        }
        if (onPath('python3') && new ProcessBuilder('python3', '-c', 'import moto.server, flask').start().waitFor() == 0) {
            return ['python3', '-m', 'moto.server']
        }
        throw new IllegalStateException("The S3-compatible test server moto_server is missing: pip install 'moto[server]' " +
                "(python3 -m pip install 'moto[server]==5.2.1', as .ci/run does)")
    }

    private static boolean onPath(String name) {
        System.getenv('PATH')?.split(File.pathSeparator)?.any { Files.isExecutable(Path.of(it, name)) }
    }
}
