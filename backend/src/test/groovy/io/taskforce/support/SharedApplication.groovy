package io.taskforce.support

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer

/**
 * The one running application that every integration spec with the default configuration shares (they used to
 * start one each): started at first use against the real PostgreSQL and Keycloak, on the end-to-end port so the
 * browser specs share it too, and stopped before those services at the end of the run. Specs take what they need
 * with {@code @Shared X x = SharedApplication.bean(X)}; a spec that needs other configuration starts its own.
 */
final class SharedApplication {

    private static EmbeddedServer server

    static synchronized EmbeddedServer server() {
        if (server == null) {
            TestServices.start()
            server = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': TestServices.E2E_APP_PORT])
        }
        server
    }

    static <T> T bean(Class<T> type) {
        server().applicationContext.getBean(type)
    }

    static synchronized void stop() {
        server?.close()
        server = null
    }
}
