package io.taskforce.engagement;

import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The case's own facts for its report (head, team, tasks), read inside the case transaction of the caller. */
@Singleton
class ReportStore {

    /** The case's head: title, summary, status and triage fields, and its tenant's name and language. */
    record Head(String tenantName, String language, String title, String summary, String status, String phase,
                List<String> crisisTypes, Integer severity, String kinetics, java.time.Instant triagedAt) {
    }

    private final Sql sql;

    ReportStore(Sql sql) {
        this.sql = sql;
    }

    Head head(UUID tenantId, UUID caseId) {
        return sql.one("""
                select t.name, t.locale, c.title, c.summary, c.status, c.phase, c.crisis_types, c.severity, c.kinetics, c.triaged_at
                from case_file c join tenant t on t.id = c.tenant_id where c.tenant_id = ? and c.id = ?""",
                Sql.params(tenantId, caseId),
                rs -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), Arrays.asList((String[]) rs.getArray(7).getArray()), (Integer) rs.getObject(8),
                        rs.getString(9), Sql.instant(rs.getTimestamp(10)))).orElseThrow();
    }

    List<ReportData.Member> team(UUID tenantId, UUID caseId) {
        return sql.many("""
                select %s, m.workstream, m.lead from case_member m join user_account u on u.id = m.user_id
                where m.tenant_id = ? and m.case_id = ? order by m.workstream, m.lead desc, 1""".formatted(Sql.NAME),
                Sql.params(tenantId, caseId),
                rs -> new ReportData.Member(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
    }

    List<ReportData.Task> tasks(UUID tenantId, UUID caseId) {
        return sql.many("""
                select t.title, t.workstream, t.status, %s, t.due_at from case_task t left join user_account u on u.id = t.assignee_id
                where t.tenant_id = ? and t.case_id = ?
                order by t.workstream, t.due_at nulls last, t.created_at""".formatted(Sql.NAME),
                Sql.params(tenantId, caseId), rs -> new ReportData.Task(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), Sql.instant(rs.getTimestamp(5))));
    }

    List<ReportData.Progress> progress(UUID tenantId, UUID caseId) {
        return sql.many("""
                select w.workstream, count(t.id) filter (where t.status = 'DONE'), count(t.id) filter (where t.status <> 'CANCELLED')
                from case_workstream w left join case_task t on t.tenant_id = w.tenant_id and t.case_id = w.case_id
                                                           and t.workstream = w.workstream
                where w.tenant_id = ? and w.case_id = ? group by w.workstream, w.position order by w.position""",
                Sql.params(tenantId, caseId),
                rs -> new ReportData.Progress(rs.getString(1), rs.getInt(2), rs.getInt(3)));
    }
}
