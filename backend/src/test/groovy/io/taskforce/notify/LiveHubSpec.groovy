package io.taskforce.notify

import io.micronaut.http.sse.Event
import reactor.core.publisher.Flux
import spock.lang.Specification

class LiveHubSpec extends Specification {

    LiveHub hub = new LiveHub()

    def "a client receives what it may hear once each, even when a transaction that began earlier commits later"() {
        given:
        List<Event<LiveMessage>> received = []
        Flux.<Event<LiveMessage>> create { sink -> hub.subscribe(['user-1', 'staff'] as Set, sink) }.subscribe { received << it }

        when: 'ids 7 and 9 commit, then 8 (taken earlier, committed later), then 9 again (a replay), then one for others'
        hub.publish([event(7, ['staff']), event(9, ['user-1'])])
        hub.publish([event(8, ['staff'])])
        hub.publish([event(9, ['user-1']), event(10, ['tenant:x'])])

        then:
        received*.id == ['7', '9', '8']
        received*.name == ['intake', 'intake', 'intake']
        received*.data*.topic == ['intake', 'intake', 'intake']
    }

    def "a client that goes away stops counting"() {
        given:
        def disposable = Flux.<Event<LiveMessage>> create { sink ->
            def s = hub.subscribe(['u'] as Set, sink)
            sink.onDispose { hub.unsubscribe(s) }
        }.subscribe()

        expect:
        hub.connections() == 1

        when:
        disposable.dispose()

        then:
        hub.connections() == 0
    }

    private static LiveEvent event(long id, List<String> audience) {
        new LiveEvent(id, 'intake', null, audience)
    }
}
