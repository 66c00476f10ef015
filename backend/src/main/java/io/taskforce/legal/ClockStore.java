package io.taskforce.legal;

import io.taskforce.legal.ClockRecords.CaseFacts;
import io.taskforce.legal.ClockRecords.ClockRow;
import io.taskforce.legal.ClockRecords.Origin;
import io.taskforce.legal.ClockRecords.Proposal;
import io.taskforce.legal.ClockRecords.Team;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.taskforce.legal.Sql.instant;
import static io.taskforce.legal.Sql.params;
import static io.taskforce.legal.Sql.ts;

/** Clocks, their planned reminders, and what they need of the case (its title, its team, triage's proposals). */
@Singleton
class ClockStore {

    private static final String CLOCK = """
            select id, tenant_id, case_id, rule_id, rule_version, trigger_at, last_day, ends_at, non_working_last_day,
                   state, state_reason, responsible_id, origin, publication_id, action_id, created_by, created_at,
                   closed_by, closed_at from legal_clock""";

    private final Sql sql;

    ClockStore(Sql sql) {
        this.sql = sql;
    }

    void insert(ClockRow c) {
        sql.update("""
                insert into legal_clock (id, tenant_id, case_id, rule_id, rule_version, trigger_at, last_day, ends_at,
                    non_working_last_day, state, state_reason, responsible_id, origin, publication_id, action_id,
                    created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, c.id());
            ps.setObject(2, c.tenantId());
            ps.setObject(3, c.caseId());
            ps.setString(4, c.ruleId());
            ps.setInt(5, c.ruleVersion());
            ps.setTimestamp(6, ts(c.triggerAt()));
            ps.setObject(7, c.lastDay());
            ps.setTimestamp(8, ts(c.endsAt()));
            ps.setBoolean(9, c.nonWorkingLastDay());
            ps.setString(10, c.state().name());
            ps.setString(11, c.stateReason());
            ps.setObject(12, c.responsibleId());
            ps.setString(13, c.origin().name());
            ps.setObject(14, c.publicationId());
            ps.setObject(15, c.actionId());
            ps.setObject(16, c.createdBy());
            ps.setTimestamp(17, ts(c.createdAt()));
        });
    }

    void close(ClockRow c) {
        sql.update("""
                update legal_clock set state = ?, state_reason = ?, closed_by = ?, closed_at = ?, action_id = ?
                where tenant_id = ? and id = ?""", ps -> {
            ps.setString(1, c.state().name());
            ps.setString(2, c.stateReason());
            ps.setObject(3, c.closedBy());
            ps.setTimestamp(4, ts(c.closedAt()));
            ps.setObject(5, c.actionId());
            ps.setObject(6, c.tenantId());
            ps.setObject(7, c.id());
        });
        // a closed clock reminds nobody any more
        sql.update("delete from legal_clock_reminder where tenant_id = ? and clock_id = ? and sent_at is null", ps -> {
            ps.setObject(1, c.tenantId());
            ps.setObject(2, c.id());
        });
    }

    /** The case of a clock a route names, to check the caller against (see {@link Sql#caseOf}). */
    Optional<UUID> caseOf(UUID clockId) {
        return sql.caseOf("legal_clock", clockId);
    }

    Optional<ClockRow> lock(UUID tenantId, UUID id) {
        return sql.one(CLOCK + " where tenant_id = ? and id = ? for update", params(tenantId, id), ClockStore::clock);
    }

    List<ClockRow> ofCase(UUID tenantId, UUID caseId) {
        return sql.many(CLOCK + " where tenant_id = ? and case_id = ? order by ends_at, id", params(tenantId, caseId),
                ClockStore::clock);
    }

    /** Running clocks of the publication (or of the case's rule), to close when a new period replaces them. */
    List<ClockRow> runningOfPublication(UUID tenantId, UUID publicationId) {
        return sql.many(CLOCK + " where tenant_id = ? and publication_id = ? and state = 'RUNNING' order by ends_at",
                params(tenantId, publicationId), ClockStore::clock);
    }

    List<ClockRow> runningOfRule(UUID tenantId, UUID caseId, String ruleId) {
        return sql.many(CLOCK + " where tenant_id = ? and case_id = ? and rule_id = ? and state = 'RUNNING' order by ends_at",
                params(tenantId, caseId, ruleId), ClockStore::clock);
    }

    /** Every running clock the staff member's teams hold, across tenants (row-level security narrows it), soonest first. */
    List<ClockRow> runningOfMember(UUID member) {
        // running and not yet past its end: a clock past its end reads expired, on the case, not in the calendar
        return sql.many("/* across tenants: a lawyer's calendar of the running clocks of their teams' cases, every client's */ "
                        + CLOCK + " c where state = 'RUNNING' and ends_at > now() and exists (select 1 from case_file f where "
                        + "f.tenant_id = c.tenant_id and f.id = c.case_id and f.team @> array[cast(? as text)]) order by ends_at, id",
                ps -> ps.setString(1, member.toString()), ClockStore::clock);
    }

    void planReminder(ClockRow c, ReminderSchedule.Reminder r, List<UUID> recipients, String caseTitle, String ruleName) {
        sql.update("""
                insert into legal_clock_reminder (tenant_id, clock_id, case_id, label, due_at, recipients, case_title,
                                                  rule_name, last_day) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, c.tenantId());
            ps.setObject(2, c.id());
            ps.setObject(3, c.caseId());
            ps.setString(4, r.label());
            ps.setTimestamp(5, ts(r.dueAt()));
            ps.setArray(6, ps.getConnection().createArrayOf("uuid", recipients.toArray()));
            ps.setString(7, caseTitle);
            ps.setString(8, ruleName);
            ps.setObject(9, c.lastDay());
        });
    }

    List<Proposal> proposals(UUID tenantId, UUID caseId) {
        return sql.many("select rule, trigger_at from case_clock_proposal where tenant_id = ? and case_id = ? order by trigger_at, rule",
                params(tenantId, caseId), rs -> {
                    String triage = rs.getString(1);
                    return new Proposal(triage, TriageClocks.ruleOf(io.taskforce.cases.ClockRule.valueOf(triage)),
                            instant(rs, "trigger_at"));
                });
    }

    CaseFacts caseFacts(UUID tenantId, UUID caseId) {
        return new CaseFacts(caseTitle(tenantId, caseId).orElseThrow(), team(tenantId, caseId));
    }

    /** The case's active team: who is a lawyer, who leads a workstream. */
    Team team(UUID tenantId, UUID caseId) {
        return new Team(sql.many("""
                select m.user_id, u.role = 'lawyer', m.lead from case_member m join user_account u on u.id = m.user_id
                where m.tenant_id = ? and m.case_id = ? and u.active order by m.added_at, m.user_id""",
                params(tenantId, caseId), rs -> new Team.Seat(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getBoolean(3))));
    }

    /**
     * Addresses the unsent reminders of the case's running clocks to {@code recipients}; a reminder already sent keeps
     * whom it went to. A reminder the job has claimed is locked until it is marked sent, so this waits for it and then
     * leaves it alone. Returns how many reminders were readdressed.
     */
    int readdressPending(UUID tenantId, UUID caseId, List<UUID> recipients) {
        return sql.update("""
                update legal_clock_reminder r set recipients = ?
                where r.tenant_id = ? and r.case_id = ? and r.sent_at is null
                  and exists (select 1 from legal_clock c where c.tenant_id = r.tenant_id and c.id = r.clock_id
                                                            and c.state = 'RUNNING')""", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", recipients.toArray()));
            ps.setObject(2, tenantId);
            ps.setObject(3, caseId);
        });
    }

    /** Display names of people, for the views. */
    Optional<String> nameOf(UUID userId) {
        return sql.one("""
                select coalesce(nullif(trim(concat_ws(' ', first_name, last_name)), ''), username) from user_account
                where id = ?""", ps -> ps.setObject(1, userId), rs -> rs.getString(1));
    }

    Optional<String> caseTitle(UUID tenantId, UUID caseId) {
        return sql.one("select title from case_file where tenant_id = ? and id = ?", params(tenantId, caseId), rs -> rs.getString(1));
    }

    List<LegalStatus.ActionStatus> actionStates(UUID tenantId, UUID caseId) {
        return sql.many("select kind, status, sent_at from legal_action where tenant_id = ? and case_id = ? order by created_at, id",
                params(tenantId, caseId), rs -> new LegalStatus.ActionStatus(rs.getString(1), rs.getString(2),
                        instant(rs, "sent_at")));
    }

    private static ClockRow clock(ResultSet rs) throws SQLException {
        return new ClockRow(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("case_id", UUID.class), rs.getString("rule_id"), rs.getInt("rule_version"),
                instant(rs, "trigger_at"), rs.getObject("last_day", LocalDate.class), instant(rs, "ends_at"),
                rs.getBoolean("non_working_last_day"), ClockState.valueOf(rs.getString("state")),
                rs.getString("state_reason"), rs.getObject("responsible_id", UUID.class),
                Origin.valueOf(rs.getString("origin")), rs.getObject("publication_id", UUID.class),
                rs.getObject("action_id", UUID.class), rs.getObject("created_by", UUID.class),
                instant(rs, "created_at"), rs.getObject("closed_by", UUID.class), instant(rs, "closed_at"));
    }
}
