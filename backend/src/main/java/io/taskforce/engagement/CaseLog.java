package io.taskforce.engagement;

import io.taskforce.cases.CaseScope;
import io.taskforce.cases.CaseStory;
import io.taskforce.identity.Caller;
import jakarta.inject.Singleton;


/**
 * The running log's automatic entries: {@code cases} tells of triage, team, status and phase changes through
 * {@link CaseStory} (an interface it owns), in its own transaction, and each becomes an entry written in the tenant's
 * language. Status and phase changes are public (the client sees them in the portal anyway); triage and team
 * changes stay with the team. Triage of a case that calls for a stakeholder map also proposes the usual stakeholders.
 */
@Singleton
class CaseLog implements CaseStory {

    private final LogService log;
    private final Sql sql;
    private final StakeholderProposals proposals;

    CaseLog(LogService log, Sql sql, StakeholderProposals proposals) {
        this.log = log;
        this.sql = sql;
        this.proposals = proposals;
    }

    @Override
    public void told(Caller caller, CaseScope scope, Moment moment) {
        var language = language(scope);
        var kind = switch (moment.kind()) {
            case TRIAGED -> LogKind.TRIAGE;
            case MEMBER_ADDED, MEMBER_CHANGED, MEMBER_REMOVED -> LogKind.TEAM;
            case STATUS_CHANGED -> LogKind.STATUS;
            case PHASE_CHANGED -> LogKind.PHASE;
        };
        boolean isPublic = kind == LogKind.STATUS || kind == LogKind.PHASE;
        log.append(caller, scope, kind, StoryTexts.of(moment.kind(), moment.facts(), language), isPublic,
                moment.kind().name(), moment.facts());
        if (moment.kind() == Kind.TRIAGED) {
            proposals.propose(caller, scope, moment.crisisTypes(), language);
        }
    }

    /** The tenant's language: the automatic entries and the report speak it. */
    String language(CaseScope scope) {
        return sql.one("select locale from tenant where id = ?", ps -> ps.setObject(1, scope.tenantId()),
                rs -> rs.getString(1)).orElse("fr");
    }

}
