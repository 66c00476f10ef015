package io.taskforce.messages

import spock.lang.Specification

import java.security.MessageDigest

class MessageContentSpec extends Specification {

    def "the hash is SHA-256 of the canonical JSON of the words, whatever order channels and audience came in"() {
        given:
        def a = new MessageContent('Incendie', 'Nos équipes\nsont mobilisées.', [Channel.SOCIAL, Channel.PRESS],
                [Audience.PUBLIC, Audience.CUSTOMERS, Audience.PUBLIC], 'fr')
        def b = new MessageContent('Incendie', 'Nos équipes\nsont mobilisées.', [Channel.PRESS, Channel.SOCIAL],
                [Audience.CUSTOMERS, Audience.PUBLIC], 'fr')
        def canonical = '{"audience":["CUSTOMERS","PUBLIC"],"body":"Nos équipes\\nsont mobilisées.","channels":["PRESS","SOCIAL"],"language":"fr","title":"Incendie"}'

        expect:
        a.sha256() == b.sha256()
        a.sha256() == MessageDigest.getInstance('SHA-256').digest(canonical.getBytes('UTF-8')).encodeHex().toString()
    }

    def "any change of words, channel, audience or language changes the hash"() {
        given:
        def base = new MessageContent('T', 'B', [Channel.PRESS], [Audience.MEDIA], 'fr')

        expect:
        changed.sha256() != base.sha256()

        where:
        changed << [
                new MessageContent('T ', 'B', [Channel.PRESS], [Audience.MEDIA], 'fr'),
                new MessageContent('T', 'B.', [Channel.PRESS], [Audience.MEDIA], 'fr'),
                new MessageContent('T', 'B', [Channel.PRESS, Channel.WEBSITE], [Audience.MEDIA], 'fr'),
                new MessageContent('T', 'B', [Channel.PRESS], [Audience.MEDIA, Audience.PUBLIC], 'fr'),
                new MessageContent('T', 'B', [Channel.PRESS], [Audience.MEDIA], 'en')]
    }

    def "a template is filled in placeholder by placeholder, and a missing value is an error"() {
        expect:
        Templates.fill('Le {{date}} à {{place}} : {{facts}}', [date: '10 mars', place: 'Strasbourg', facts: 'un incendie \$1 \\']) ==
                'Le 10 mars à Strasbourg : un incendie \$1 \\'

        when:
        Templates.fill('{{unknown}}', [:])

        then:
        thrown(IllegalArgumentException)
    }
}
