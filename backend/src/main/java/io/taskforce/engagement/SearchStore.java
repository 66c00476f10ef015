package io.taskforce.engagement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Full-text search over the texts of the caller's cases. The search starts from those cases (a staff member's
 * teams, a client's tenant), materialised first, and reads their rows through the (tenant_id, case_id) indexes;
 * each text is matched under the French and the English configurations (both accent-insensitive,
 * V12__engagement.sql). Row-level security already hides every case off the caller's team and other tenants' data;
 * the conditions below say the same in the query (a client's search names their tenant; a staff member's spans the
 * clients of their teams, and says so), and restrict a client to public content.
 */
@Singleton
class SearchStore {

    /** The document of a text expression, French and English; the running log stores its own ({@code e.search}). */
    static String doc(String text) {
        return "(to_tsvector('tf_fr'::regconfig, " + text + ") || to_tsvector('tf_en'::regconfig, " + text + "))";
    }

    private static String source(String kind, String table, String alias, String text, String document, String only) {
        return """
                select m.id as case_id, '%s' as kind, %s.id as id, %s as body, ts_rank(%s, q.query) as rank
                from mine m join %s %s on %s.tenant_id = m.tenant_id and %s.case_id = m.id, q
                where %s @@ q.query%s""".formatted(kind, alias, text, document, table, alias, alias, alias, document, only);
    }

    private final Sql sql;

    SearchStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Whose cases a search reads: a staff member's teams' cases, whichever client they belong to, or the public content
     * of a client's own tenant (case titles and summaries, public log entries).
     */
    record Reach(@Nullable UUID staffUser, @Nullable UUID clientTenant) {

        static Reach teamsOf(UUID staffUser) {
            return new Reach(staffUser, null);
        }

        static Reach tenantOf(UUID clientTenant) {
            return new Reach(null, clientTenant);
        }

        boolean staff() {
            return staffUser != null;
        }
    }

    /** One page of hits, best first. */
    List<Ranked> search(String query, Reach reach, @Nullable Float afterRank, @Nullable UUID afterId, int limit) {
        var sources = new ArrayList<String>();
        String caseDoc = doc("m.title || ' ' || m.summary");
        sources.add("""
                select m.id as case_id, 'CASE' as kind, m.id as id, m.title || ' ' || m.summary as body,
                       ts_rank(%s, q.query) as rank
                from mine m, q where %s @@ q.query""".formatted(caseDoc, caseDoc));
        var params = new ArrayList<Object>(List.of(query, query));
        if (reach.staff()) {
            params.add(reach.staffUser().toString());
            sources.add(source("LOG_ENTRY", "log_entry", "e", "e.text", "e.search", ""));
            sources.add(source("TASK", "case_task", "t", "t.title", doc("t.title"), ""));
            sources.add(source("STAKEHOLDER", "stakeholder", "s", "s.name || ' ' || s.expectations",
                    doc("s.name || ' ' || s.expectations"), ""));
            sources.add(source("RUMOUR", "rumour", "r", "r.claim", doc("r.claim"), ""));
        } else {
            params.add(reach.clientTenant());
            params.add(reach.clientTenant());
            sources.add(source("LOG_ENTRY", "log_entry", "e", "e.text", "e.search", " and e.tenant_id = ? and e.public"));
        }
        String after = "";
        if (afterRank != null && afterId != null) {
            after = " where (h.rank, h.id) < (?::real, ?)";
            params.add(afterRank);
            params.add(afterId);
        }
        params.add(limit + 1);
        var statement = """
                %swith q as (select websearch_to_tsquery('tf_fr'::regconfig, ?) || websearch_to_tsquery('tf_en'::regconfig, ?) as query),
                     mine as materialized (select c.tenant_id, c.id, c.title, c.summary from case_file c where %s)
                select h.case_id, m.title, h.kind, h.id, h.rank,
                       ts_headline('tf_fr'::regconfig, h.body, q.query,
                                   'StartSel=<mark>, StopSel=</mark>, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "')
                from (%s) h join mine m on m.id = h.case_id, q%s
                order by h.rank desc, h.id desc limit ?""".formatted(
                reach.staff() ? "/* across tenants: a staff member searches their teams' cases of every client */ " : "",
                reach.staff() ? "c.team @> array[?::text]" : "c.tenant_id = ?",
                String.join("\nunion all\n", sources), after);
        return sql.many(statement, ps -> Sql.bindAll(ps, params), rs -> new Ranked(new SearchHit(rs.getObject(1, UUID.class),
                rs.getString(2), SearchHit.Kind.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(6)),
                rs.getFloat(5)));
    }

    /** A hit and its rank, the first half of the keyset. */
    record Ranked(SearchHit hit, float rank) {
    }
}
