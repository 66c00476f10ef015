package io.taskforce.legal

import spock.lang.Specification

import static io.taskforce.legal.NoticeCheck.Missing.EXACT_URLS
import static io.taskforce.legal.NoticeCheck.Missing.GOOD_FAITH
import static io.taskforce.legal.NoticeCheck.Missing.IDENTITY
import static io.taskforce.legal.NoticeCheck.Missing.REASONS

/** The DSA art. 16 check of platform notices and the statuses of legal actions. */
class LegalActionRulesSpec extends Specification {

    static final String REASONS_OK = 'Cet article impute faussement une fraude à M. Verdier (art. 29 de la loi de 1881).'

    def "a platform notice with #urls, #reasons.size() characters of reasons, identity '#identity', good faith #goodFaith misses #missing"() {
        expect:
        NoticeCheck.dsaArticle16(urls, reasons, identity, goodFaith) == missing

        where:
        urls                                              | reasons    | identity                                 | goodFaith || missing
        ['https://social.test/p/123']                     | REASONS_OK | 'Me Louise Garnier, lg@cabinet.test'      | true      || []
        ['https://social.test/p/1', 'http://x.test/?v=2'] | REASONS_OK | 'Louise Garnier <lg@cabinet.test>'        | true      || []
        []                                                | REASONS_OK | 'Louise Garnier, lg@cabinet.test'         | true      || [EXACT_URLS]
        ['https://social.test/']                          | REASONS_OK | 'Louise Garnier, lg@cabinet.test'         | true      || [EXACT_URLS] // a site, not the content
        ['social.test/p/123']                             | REASONS_OK | 'Louise Garnier, lg@cabinet.test'         | true      || [EXACT_URLS]
        ['ftp://social.test/p/123']                       | REASONS_OK | 'Louise Garnier, lg@cabinet.test'         | true      || [EXACT_URLS]
        ['https://social.test/p/123']                     | 'Faux.'    | 'Louise Garnier, lg@cabinet.test'         | true      || [REASONS]
        ['https://social.test/p/123']                     | REASONS_OK | 'Louise Garnier'                          | true      || [IDENTITY]  // no e-mail address
        ['https://social.test/p/123']                     | REASONS_OK | ''                                        | true      || [IDENTITY]
        ['https://social.test/p/123']                     | REASONS_OK | 'Louise Garnier, lg@cabinet.test'         | false     || [GOOD_FAITH]
        []                                                | ''         | ''                                        | false     || [EXACT_URLS, REASONS, IDENTITY, GOOD_FAITH]
    }

    def "an action in #from may move to #to: #allowed"() {
        expect:
        from.next().contains(to) == allowed

        where:
        from                  | to                      || allowed
        ActionStatus.DRAFT    | ActionStatus.SENT       || true
        ActionStatus.DRAFT    | ActionStatus.WITHDRAWN  || true
        ActionStatus.DRAFT    | ActionStatus.GRANTED    || false
        ActionStatus.SENT     | ActionStatus.ANSWERED   || true
        ActionStatus.SENT     | ActionStatus.GRANTED    || true
        ActionStatus.SENT     | ActionStatus.REFUSED    || true
        ActionStatus.SENT     | ActionStatus.SENT       || false
        ActionStatus.ANSWERED | ActionStatus.GRANTED    || true
        ActionStatus.GRANTED  | ActionStatus.WITHDRAWN  || false
        ActionStatus.REFUSED  | ActionStatus.SENT       || false
        ActionStatus.WITHDRAWN| ActionStatus.DRAFT      || false
    }
}
