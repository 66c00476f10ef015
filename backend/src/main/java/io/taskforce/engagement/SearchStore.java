package io.taskforce.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Full-text search over the texts of the cases a transaction may see. Each text is matched under the French and
 * the English configurations (both accent-insensitive, V13__engagement.sql), with exactly the expressions of the
 * indexes there. Row-level security already hides every case off the caller's team and other tenants' data; the
 * conditions below say the same in the query, and restrict a client to public content.
 */
@Singleton
class SearchStore {

    /** The indexed document of a text expression: must stay identical to the index expressions of V13. */
    static String doc(String text) {
        return "(to_tsvector('tf_fr'::regconfig, " + text + ") || to_tsvector('tf_en'::regconfig, " + text + "))";
    }

    private static String source(String kind, String table, String alias, String text, String join, String only) {
        return """
                select %s.case_id as case_id, '%s' as kind, %s.id as id, %s as body, ts_rank(%s, q.query) as rank
                from %s %s %s, q where %s @@ q.query %s"""
                .formatted(alias, kind, alias, text, doc(text), table, alias, join, doc(text), only);
    }

    private final Sql sql;

    SearchStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * One page of hits, best first. {@code staffUser} is the staff member whose teams bound the search (null for a
     * client, who sees the public content of their tenant: case titles and summaries, public log entries).
     */
    List<Ranked> search(String query, @Nullable UUID staffUser, @Nullable Float afterRank, @Nullable UUID afterId,
                        int limit) {
        var team = " join case_file c on c.tenant_id = %s.tenant_id and c.id = %s.case_id";
        String onTeam = staffUser == null ? "" : " and c.team @> array[?::text]";
        var sources = new ArrayList<String>();
        sources.add(source("CASE", "case_file", "c", "c.title || ' ' || c.summary", "", onTeam)
                .replace("c.case_id as case_id", "c.id as case_id"));
        sources.add(source("LOG_ENTRY", "log_entry", "e", "e.text", team.formatted("e", "e"),
                staffUser == null ? " and e.public" : onTeam));
        if (staffUser != null) {
            sources.add(source("TASK", "case_task", "t", "t.title", team.formatted("t", "t"), onTeam));
            sources.add(source("STAKEHOLDER", "stakeholder", "s", "s.name || ' ' || s.expectations",
                    team.formatted("s", "s"), onTeam));
            sources.add(source("RUMOUR", "rumour", "r", "r.claim", team.formatted("r", "r"), onTeam));
        }
        var params = new ArrayList<Object>(List.of(query, query));
        if (staffUser != null) {
            sources.forEach(s -> params.add(staffUser.toString()));
        }
        String after = "";
        if (afterRank != null && afterId != null) {
            after = " where (h.rank, h.id) < (?::real, ?)";
            params.add(afterRank);
            params.add(afterId);
        }
        params.add(limit + 1);
        var statement = """
                with q as (select websearch_to_tsquery('tf_fr'::regconfig, ?) || websearch_to_tsquery('tf_en'::regconfig, ?) as query)
                select h.case_id, c.title, h.kind, h.id, h.rank,
                       ts_headline('tf_fr'::regconfig, h.body, q.query,
                                   'StartSel=<mark>, StopSel=</mark>, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "')
                from (%s) h join case_file c on c.id = h.case_id, q%s
                order by h.rank desc, h.id desc limit ?""".formatted(String.join("\nunion all\n", sources), after);
        return sql.many(statement, ps -> Sql.bindAll(ps, params), rs -> new Ranked(new SearchHit(rs.getObject(1, UUID.class),
                rs.getString(2), SearchHit.Kind.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(6)),
                rs.getFloat(5)));
    }

    /** A hit and its rank, the first half of the keyset. */
    record Ranked(SearchHit hit, float rank) {
    }
}
