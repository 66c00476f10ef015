package io.taskforce.platform

import ch.qos.logback.classic.LoggerContext
import ch.qos.logback.classic.joran.JoranConfigurator
import groovy.json.JsonSlurper
import spock.lang.Specification

/** The application's logging configuration, as text lines or JSON lines, both carrying request, tenant and user. */
class LogFormatSpec extends Specification {

    def "LOG_FORMAT=#format logs one line carrying the request, tenant and user ids"() {
        when:
        String line = logOnce(format)

        then:
        check(line)

        where:
        format | check
        'json' | { String l -> def j = new JsonSlurper().parseText(l); j.message == 'case reported' && j.level == 'INFO' && j.mdc.requestId == 'req-1' && j.mdc.tenantId == 'tenant-1' && j.mdc.userId == 'user-1' }
        'text' | { String l -> l.contains('req=req-1 tenant=tenant-1 user=user-1 - case reported') }
    }

    private static String logOnce(String format) {
        def captured = new ByteArrayOutputStream()
        def original = System.out
        System.setOut(new PrintStream(captured, true, 'UTF-8'))
        def context = new LoggerContext()
        try {
            // a context of its own, so the test run's logging is left alone; SLF4J's MDC is not wired to it
            def mdc = new ch.qos.logback.classic.util.LogbackMDCAdapter()
            context.MDCAdapter = mdc
            context.putProperty('LOG_FORMAT', format)
            def configurator = new JoranConfigurator()
            configurator.context = context
            configurator.doConfigure(LogFormatSpec.getResource('/logback.xml'))
            mdc.put('requestId', 'req-1')
            mdc.put('tenantId', 'tenant-1')
            mdc.put('userId', 'user-1')
            context.getLogger('io.taskforce.cases').info('case reported')
        } finally {
            context.stop()
            System.setOut(original)
        }
        captured.toString('UTF-8').readLines().find { it.contains('case reported') }
    }
}
