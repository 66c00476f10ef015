package io.taskforce.authorization

/** The authorization matrix file, read into one case per route × relation × role. */
final class AuthorizationMatrix {

    static final List<String> ROLES = ['anonymous', 'consultant', 'lawyer', 'reputation_specialist', 'client', 'platform_admin']

    static List<Row> rows() {
        def lines = AuthorizationMatrix.getResourceAsStream('/authorization-matrix.csv').readLines('UTF-8')
                .findAll { it.trim() && !it.startsWith('#') }
        def header = lines.head().split(',').toList()
        assert header.subList(3, header.size()) == ROLES: 'matrix columns must be the roles, in order'
        lines.tail().collect { line ->
            def cells = line.split(',').toList()
            assert cells.size() == header.size(): "malformed matrix line: ${line}"
            new Row(cells[0], cells[1], cells[2], [ROLES, cells.subList(3, cells.size())*.toInteger()].transpose().collectEntries())
        }
    }

    static List<Case> cases() {
        rows().collectMany { row -> ROLES.collect { role -> new Case(row.method, row.path, row.relation, role, row.expected[role]) } }
    }

    /** A route template with its placeholders blanked (and the query of a row dropped), to compare with the application's routes. */
    static String shape(String method, String path) {
        "${method} ${path.replaceAll(/\?.*$/, '').replaceAll(/\{[^}]+\}/, '{}')}"
    }

    record Row(String method, String path, String relation, Map<String, Integer> expected) {
    }

    record Case(String method, String path, String relation, String role, int expected) {
        String toString() { "${role} ${method} ${path} (${relation}) → ${expected}" }
    }
}
