package io.taskforce.reputation

import spock.lang.Specification

import java.time.LocalDate

/** Reading position-tracking exports: the shapes accepted, and every refusal with its line. */
class SerpCsvSpec extends Specification {

    static final String HEADER = 'keyword,position,url,title,date'

    def "a comma-separated export with headers in any case and order, extra columns ignored"() {
        when:
        def snapshots = SerpCsv.parse('''Date,URL,Keyword,Title,Position,Search Volume
2026-03-02,https://www.lemonde.fr/incendie,helio cloud incendie,Incendie chez Helio,1,1200
2026-03-02,https://helio.example/statement,helio cloud incendie,Notre communiqué,2,1200
2026-03-09,https://helio.example/statement,helio cloud incendie,"Notre communiqué, mis à jour",1,1200
''')

        then:
        snapshots.size() == 2
        snapshots[0].query() == new SerpCsv.QueryKey('helio cloud incendie', 'google', 'FR', 'fr')
        snapshots[0].date() == LocalDate.of(2026, 3, 2)
        snapshots[0].rows()*.position() == [1, 2]
        snapshots[0].rows()[0].domain() == 'lemonde.fr'
        snapshots[0].rows()[0].line() == 2
        snapshots[1].rows()[0].title() == 'Notre communiqué, mis à jour'
        snapshots[1].firstLine() == 4
    }

    def "a French spreadsheet export: semicolons, a BOM, French dates, optional columns, blank lines skipped"() {
        when:
        def snapshots = SerpCsv.parse('\uFEFFKEYWORD;Position;Url;Title;Date;Engine;Locale;Ownership;Tone\r\n' +
                'helio incendie;1;https://helio.example/faq;FAQ;02/03/2026;Bing;en_GB;owned;Positive\r\n' +
                '\r\n' +
                'helio incendie;2;https://forum.example/t/1;Forum;02/03/2026;bing;en-GB;third-party;negative\r\n')

        then:
        snapshots.size() == 1
        with(snapshots[0]) {
            query() == new SerpCsv.QueryKey('helio incendie', 'bing', 'GB', 'en')
            date() == LocalDate.of(2026, 3, 2)
            rows()*.ownership() == [Ownership.OWNED, Ownership.THIRD_PARTY]
            rows()*.tone() == [Tone.POSITIVE, Tone.NEGATIVE]
            rows()*.line() == [2, 4]
        }
    }

    def "#problem is refused at line #line"() {
        when:
        SerpCsv.parse(csv)

        then:
        def e = thrown(ImportRefused)
        e.line() == line
        e.message.contains(reason)

        where:
        problem                        | csv                                                                                        || line | reason
        'a missing column'             | 'keyword,position,url,date\nq,1,https://a.example/,2026-03-02\n'                          || 1    | 'missing column title'
        'a column named twice'         | 'keyword,position,url,title,date,URL\n'                                                    || 1    | 'appears twice'
        'an empty file'                | ''                                                                                         || 1    | 'empty'
        'a header without results'     | HEADER + '\n'                                                                              || 2    | 'no results'
        'position 21'                  | HEADER + '\nq,1,https://a.example/,t,2026-03-02\nq,21,https://b.example/,t,2026-03-02\n' || 3    | 'out of range'
        'position 0'                   | HEADER + '\nq,0,https://a.example/,t,2026-03-02\n'                                         || 2    | 'out of range'
        'a position that is not whole' | HEADER + '\nq,1.5,https://a.example/,t,2026-03-02\n'                                       || 2    | 'not a whole number'
        'a repeated position'          | HEADER + '\nq,1,https://a.example/,t,2026-03-02\n\nq,1,https://b.example/,t,2026-03-02\n' || 4    | 'already given on line 2'
        'an impossible date'           | HEADER + '\nq,1,https://a.example/,t,2026-02-30\n'                                         || 2    | 'is not a date'
        'a date in another shape'      | HEADER + '\nq,1,https://a.example/,t,March 2\n'                                            || 2    | 'is not a date'
        'a relative URL'               | HEADER + '\nq,1,/incendie,t,2026-03-02\n'                                                  || 2    | 'not an absolute http'
        'a URL of another scheme'      | HEADER + '\nq,1,ftp://a.example/x,t,2026-03-02\n'                                          || 2    | 'not an absolute http'
        'a line of empty cells'        | HEADER + '\nq,1,https://a.example/,t,2026-03-02\n,,,,\n'                                   || 3    | 'keyword is empty'
        'an unknown tone'              | HEADER + ',tone\nq,1,https://a.example/,t,2026-03-02,angry\n'                             || 2    | 'tone "angry"'
        'a malformed locale'           | HEADER + ',locale\nq,1,https://a.example/,t,2026-03-02,france\n'                          || 2    | 'locale "france"'
        'an unclosed quote'            | HEADER + '\nq,1,https://a.example/,"t,2026-03-02\n'                                        || 3    | 'not valid CSV'
    }

    def "repeated positions are per query and date: the same position on another date or query is fine"() {
        expect:
        SerpCsv.parse(HEADER + '\nq,1,https://a.example/,t,2026-03-02\nq,1,https://a.example/,t,2026-03-09\nr,1,https://a.example/,t,2026-03-02\n').size() == 3
    }
}
