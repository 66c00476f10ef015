package io.taskforce.messages.check

import spock.lang.Specification

class MessageCheckSpec extends Specification {

    /** A text for the general public that carries empathy, so that only the rule under test speaks. */
    static List<String> rulesFor(String body, String language, boolean generalPublic = false, boolean internal = false) {
        MessageCheck.run(new CheckedText('Point de situation', body, language, internal, generalPublic))*.rule
    }

    def "each fault of crisis response is recognised in French and in English, and plain wording passes"() {
        expect:
        rulesFor(body, language).contains(rule) == expected

        where:
        rule             | language | body                                                                              || expected
        'scapegoating'   | 'fr'     | 'Nous regrettons cet incendie, dû à une erreur humaine de notre prestataire.'      || true
        'scapegoating'   | 'en'     | 'We regret the outage; it is the fault of our electricity supplier.'              || true
        'scapegoating'   | 'fr'     | 'Nous regrettons cet incendie et en assumons la responsabilité.'                   || false
        'no-comment'     | 'fr'     | 'Pas de commentaire à ce stade.'                                                    || true
        'no-comment'     | 'en'     | 'We decline to comment on the fire.'                                               || true
        'no-comment'     | 'en'     | 'We will share what we know at 6 pm.'                                               || false
        'arrogance'      | 'fr'     | 'Il s’agit d’un incident mineur, nous n’avons rien à nous reprocher.'               || true
        'arrogance'      | 'en'     | 'This was a minor incident and we did nothing wrong.'                               || true
        'arrogance'      | 'fr'     | 'Cet incident est grave et nous le prenons très au sérieux.'                        || false
        'counter-fire'   | 'fr'     | 'Nos concurrents ont connu bien pire l’an dernier.'                                 || true
        'counter-fire'   | 'en'     | 'Others have done worse, and the media exaggerated.'                                || true
        'counter-fire'   | 'en'     | 'We are focused on restoring service for our customers.'                            || false
        'globalisation'  | 'fr'     | 'Ce risque concerne tout le secteur de l’hébergement.'                              || true
        'globalisation'  | 'en'     | 'This is a risk for the whole industry.'                                            || true
        'globalisation'  | 'fr'     | 'Ce risque concerne notre site de Strasbourg.'                                      || false
        'victimisation'  | 'fr'     | 'Nous sommes les premières victimes de cet incendie.'                               || true
        'victimisation'  | 'en'     | 'This is a witch hunt against our company.'                                         || true
        'victimisation'  | 'en'     | 'Our customers were affected first; we are with them.'                              || false
        'legalistic'     | 'fr'     | 'Conformément à l’article 12 de nos conditions générales, aucune indemnité.'       || true
        'legalistic'     | 'en'     | 'Pursuant to our terms of service, no compensation is due.'                        || true
        'legalistic'     | 'fr'     | 'Nous étudierons chaque demande de dédommagement.'                                  || false
        'speculation'    | 'fr'     | 'L’incendie est probablement dû à un onduleur.'                                     || true
        'speculation'    | 'en'     | 'The fire might have been caused by a battery.'                                     || true
        'speculation'    | 'en'     | 'The fire started in room 2; the cause is under investigation.'                    || false
        'naming-victims' | 'fr'     | 'Jean Dupont, technicien, a été blessé.'                                            || true
        'naming-victims' | 'en'     | 'One technician, Mark Evans, was injured.'                                          || true
        'naming-victims' | 'fr'     | 'Un technicien a été légèrement blessé ; il est pris en charge.'                    || false
        'defamation-risk'| 'fr'     | 'Bruno Verdier est coupable de fraude selon nos informations.'                      || true
        'defamation-risk'| 'en'     | 'Acme Ltd lied to its customers.'                                                   || true
        'defamation-risk'| 'fr'     | 'Des publications anonymes circulent ; nous avons saisi la justice.'                || false
    }

    def "a fault's warning names the exact words, with their place in the text, straight or curly apostrophe alike"() {
        given:
        def body = 'Nous regrettons. Conformément à l’article 12, rien.'
        def warning = MessageCheck.run(new CheckedText('T', body, 'fr', false, false)).find { it.rule() == 'legalistic' }

        expect:
        warning.spans().size() == 1
        with(warning.spans()[0]) {
            field() == 'body'
            body.substring(start(), end()) == 'Conformément à l’article'
            text() == 'Conformément à l’article'
        }
    }

    def "a message to people outside without a word for those affected warns; internal memos do not"() {
        expect:
        rulesFor(body, language, false, internal).contains('no-empathy') == expected

        where:
        body                                                         | language | internal || expected
        'Le service est rétabli à 80 %.'                             | 'fr'     | false    || true
        'Service is back for 80% of customers.'                      | 'en'     | false    || true
        'Nous comprenons votre inquiétude ; le service est rétabli.' | 'fr'     | false    || false
        'We are sorry for the disruption; service is back.'          | 'en'     | false    || false
        'Le service est rétabli à 80 %.'                             | 'fr'     | true     || false
    }

    def "for the general public, jargon is highlighted and dense text is flagged with its reading-ease score"() {
        when:
        def warnings = MessageCheck.run(new CheckedText('T', body, language, false, generalPublic))
        def fit = warnings.find { it.rule() == 'audience-fit' }

        then:
        (fit != null) == expected
        fit == null || fit.spans()*.text() == jargon

        where:
        body                                                                    | language | generalPublic || expected | jargon
        'Le PRA a basculé sur le datacenter secondaire, RPO de 24 h.'           | 'fr'     | true          || true     | ['PRA', 'datacenter', 'RPO']
        'Le PRA a basculé sur le datacenter secondaire, RPO de 24 h.'           | 'fr'     | false         || false    | null
        'Our DRP failed over to the secondary datacenter.'                      | 'en'     | true          || true     | ['DRP', 'datacenter']
        'Nous sommes désolés. Vos données sont en sécurité. Le site revient.'   | 'fr'     | true          || false    | null
        DENSE_FR                                                                | 'fr'     | true          || true     | []
        DENSE_EN                                                                | 'en'     | true          || true     | []
    }

    static final String DENSE_FR = 'Consécutivement à l’indisponibilité prolongée des infrastructures d’hébergement ' +
            'mutualisées, consécutive à l’incendie survenu dans le bâtiment principal, l’organisation a immédiatement ' +
            'déclenché l’ensemble des procédures organisationnelles préalablement formalisées afin de garantir ' +
            'l’intégrité opérationnelle des environnements applicatifs hébergés et la continuité contractuelle.'
    static final String DENSE_EN = 'Following the prolonged unavailability of the mutualised hosting infrastructure ' +
            'consecutive to the conflagration in the principal building, the organisation immediately activated ' +
            'the comprehensive organisational procedures previously formalised to guarantee the operational ' +
            'integrity of the hosted application environments and contractual continuity.'

    def "reading ease follows Flesch for English and Kandel–Moles for French"() {
        expect:
        Math.round(Readability.score(text, language).value()) == score

        where:
        text                                   | language || score
        // 6 words, 1 sentence, 6 syllables: 206.835 - 1.015*6 - 84.6*1 = 116.145
        'The cat sat on the mat.'              | 'en'     || 116
        // 4 words, 1 sentence, 4 syllables ("nous", "est", "là", "bien"): 207 - 1.015*4 - 73.6*1 = 129.34
        'Nous est là bien.'                    | 'fr'     || 129
        // 2 sentences of 3 one-syllable words: 206.835 - 1.015*3 - 84.6 = 119.19
        'We are here. We can help.'            | 'en'     || 119
    }

    def "syllables are counted as vowel groups less a silent final e"() {
        expect:
        Readability.syllables(word, language) == count

        where:
        word           | language || count
        'cat'          | 'en'     || 1
        'table'        | 'en'     || 2
        'house'        | 'en'     || 1
        'organisation' | 'en'     || 5
        'incendie'     | 'fr'     || 3
        'équipes'      | 'fr'     || 2
        'données'      | 'fr'     || 2
        'sécurité'     | 'fr'     || 4
    }
}
