package io.taskforce.notify

import spock.lang.Specification

class EmailTemplatesSpec extends Specification {

    static final Map<String, String> PARAMS = [caseTitle : 'Incendie du datacenter SBG2', tenantName: 'Helio Cloud',
                                               actorName : 'Claire Martin', detail: 'ACTIVE']

    def "#event in #language: subject #subject"() {
        when:
        def email = EmailTemplates.render(event, PARAMS, language, 'https://taskforce.test/cases/1')

        then:
        email.subject == subject
        email.text.contains(sentence)
        email.text.contains('https://taskforce.test/cases/1')
        email.html.contains('href="https://taskforce.test/cases/1"')
        email.html.contains("lang=\"${language}\"")

        where:
        event                          | language || subject                                                 | sentence
        NotifyEvent.CASE_REPORTED       | 'fr'     || 'Nouvel incident signalé : Incendie du datacenter SBG2' | 'Helio Cloud a signalé un incident'
        NotifyEvent.CASE_REPORTED       | 'en'     || 'New incident reported: Incendie du datacenter SBG2'     | 'Helio Cloud reported an incident'
        NotifyEvent.CASE_STATUS_CHANGED | 'fr'     || 'Dossier « Incendie du datacenter SBG2 » : Actif'        | 'est passé au statut : Actif.'
        NotifyEvent.CASE_STATUS_CHANGED | 'en'     || 'Case “Incendie du datacenter SBG2”: Active'             | 'is now: Active.'
        NotifyEvent.TASK_ASSIGNED       | 'fr'     || 'Tâche assignée : ACTIVE'                                 | 'Claire Martin vous a assigné la tâche'
        NotifyEvent.HANDOFF_REQUESTED   | 'en'     || 'Hand-off requested: Incendie du datacenter SBG2'        | 'asks for a hand-off to the ACTIVE workstream'
    }

    def "a workstream is named in the reader's language"() {
        expect:
        EmailTemplates.render(NotifyEvent.HANDOFF_REQUESTED, PARAMS + [detail: 'LEGAL'], 'fr', 'x').text
                .contains('vers le volet Juridique')
    }

    def "what people wrote is escaped in the HTML part and kept as is in the text part"() {
        given:
        def hostile = PARAMS + [caseTitle: '<script>alert("x")</script> & co']

        when:
        def email = EmailTemplates.render(NotifyEvent.CASE_REPORTED, hostile, 'en', 'https://t.test/?a=1&b=2')

        then:
        !email.html.contains('<script>')
        email.html.contains('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co')
        email.html.contains('href="https://t.test/?a=1&amp;b=2"')
        email.text.contains('<script>alert("x")</script> & co')
    }

    def "a missing field leaves a blank, never a placeholder"() {
        expect:
        !EmailTemplates.render(NotifyEvent.CASE_REPORTED, [caseTitle: 'T'], 'fr', 'x').text.contains('{tenantName}')
    }
}
