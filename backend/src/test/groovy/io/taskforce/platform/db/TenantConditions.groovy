package io.taskforce.platform.db

import java.util.regex.Matcher

/**
 * The rule every statement on a tenant table follows, so that row-level security is the second wall and not the only
 * one: each tenant table it reads, updates or deletes from is pinned to a tenant the application passed in
 * ({@code tenant_id = ?}, {@code = any(?)}, {@code in (?, …)}), directly or through {@code x.tenant_id = y.tenant_id}
 * links to a pinned one. A statement that works across tenants on purpose (the intake queue, a staff member's cases
 * of several clients, a job) says so and why in a comment: {@code /* across tenants: <why> *}{@code /}.
 *
 * A lint over the SQL text, not a parser: it reads the statements this code base writes (table, optional alias,
 * qualified columns) and errs towards refusing. Inserts name their tenant in the values they write and are not read.
 */
final class TenantConditions {

    static final String MARKER = 'across tenants:'

    private static final Set<String> NOT_ALIASES = ['where', 'join', 'left', 'right', 'inner', 'outer', 'full', 'cross',
            'on', 'set', 'order', 'group', 'limit', 'for', 'union', 'returning', 'values', 'having', 'window', 'natural',
            'lateral', 'using', 'offset', 'fetch', 'and', 'or', 'select', 'except', 'intersect', 'with', 'as'] as Set

    private static final String NAME = /[a-z_][a-z0-9_]*/
    private static final String PARAM = /(?:\?|cast\s*\(\s*\?\s+as\s+uuid\s*\)|\?\s*::\s*uuid)/
    private static final String COLUMN = /(?:(${NAME})\s*\.\s*)?tenant_id\b/

    private final Set<String> tenantTables

    TenantConditions(Collection<String> tenantTables) {
        this.tenantTables = tenantTables.collect { it.toLowerCase() } as Set
    }

    /** The tenant tables of {@code sql} not pinned to a tenant, as {@code table alias}; empty when the statement is fine. */
    List<String> unpinned(String sql) {
        if (sql.toLowerCase().contains("/* ${MARKER}")) {
            return []
        }
        // what an update sets is no condition: Micronaut Data's update(entity) writes tenant_id = ? there
        def text = normalised(sql).replaceAll(/\bset\b.*?(?=\bwhere\b|\breturning\b|$)/, 'set ')
        def refs = references(text)
        if (refs.isEmpty()) {
            return []
        }
        def links = new Links()
        def pinned = [] as Set<String>
        def unqualified = { String qualifier -> qualifier == null ? refs.findAll { it.unaliased || refs.size() == 1 }*.key : [qualifier] }
        eachMatch(text, /${COLUMN}\s*=\s*${COLUMN}/) { Matcher m -> unqualified(m.group(1)).each { a -> unqualified(m.group(2)).each { b -> links.join(a, b) } } }
        eachMatch(text, /${COLUMN}\s*(?:=\s*(?:any\s*\(\s*)?${PARAM}|in\s*\(\s*${PARAM})/) { Matcher m -> pinned.addAll(unqualified(m.group(1))) }
        eachMatch(text, /${PARAM}\s*=\s*${COLUMN}/) { Matcher m -> pinned.addAll(unqualified(m.group(1))) }
        // a row-value comparison such as (t.tenant_id, t.id) = (?, ?) pins its first member
        eachMatch(text, /\(\s*${COLUMN}\s*,[^()]*\)\s*(?:=|in)\s*\(\s*\(?\s*${PARAM}/) { Matcher m -> pinned.addAll(unqualified(m.group(1))) }
        def pinnedRoots = pinned.collect { links.root(it) } as Set
        refs.findAll { !(links.root(it.key) in pinnedRoots) }.collect { it.toString() }
    }

    private List<Ref> references(String text) {
        def refs = []
        def m = text =~ /\b(?:from|join|update|using)\s+(?:only\s+)?(${NAME})(?:\s+(?:as\s+)?(${NAME}))?/
        while (m.find()) {
            def table = m.group(1)
            def alias = m.group(2)
            if (table in tenantTables) {
                refs << new Ref(table, alias in NOT_ALIASES ? null : alias)
            }
        }
        refs
    }

    private static void eachMatch(String text, String regex, Closure action) {
        def m = text =~ regex
        while (m.find()) {
            action(m)
        }
    }

    /** Lower case, one space between words, no comments and no string literals (whose words are not SQL). */
    static String normalised(String sql) {
        sql.toLowerCase()
                .replaceAll(/(?s)\/\*.*?\*\//, ' ')
                .replaceAll(/--[^\n]*/, ' ')
                .replaceAll(/'(?:[^']|'')*'/, "''")
                .replaceAll(/"([a-z_][a-z0-9_]*)"/, '$1')
                .replaceAll(/\s+/, ' ')
    }

    private static final class Ref {
        final String table
        final String alias

        Ref(String table, String alias) {
            this.table = table
            this.alias = alias
        }

        String getKey() { alias ?: table }

        boolean isUnaliased() { alias == null || alias == table }

        String toString() { alias ? "${table} ${alias}" : table }
    }

    /** Which references are tied to each other by tenant_id equalities (union-find over their keys). */
    private static final class Links {
        private final Map<String, String> parent = [:]

        String root(String key) {
            def p = parent.get(key, key)
            p == key ? key : root(p)
        }

        void join(String a, String b) {
            parent[root(a)] = root(b)
        }
    }
}
