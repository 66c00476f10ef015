package io.taskforce.legal;

import io.taskforce.cases.CaseScope;
import io.taskforce.cases.CaseStory;
import io.taskforce.identity.Caller;
import jakarta.inject.Singleton;

/**
 * A clock's reminders copy their recipients, because the reminder job cannot read the case's team; so when the team
 * changes (a member joins, leaves, changes workstream or lead), the unsent reminders of the case's running clocks are
 * readdressed in the transaction of the change, by the rule a clock starts with ({@link ClockRecords.Team#reminded}).
 * {@code cases} tells of the change through {@link CaseStory} and knows nothing of clocks; the change is audited
 * there, so this adds no event of its own.
 */
@Singleton
class RemindersFollowTeam implements CaseStory {

    private final ClockStore clocks;

    RemindersFollowTeam(ClockStore clocks) {
        this.clocks = clocks;
    }

    @Override
    public void told(Caller caller, CaseScope scope, Moment moment) {
        switch (moment.kind()) {
            case MEMBER_ADDED, MEMBER_CHANGED, MEMBER_REMOVED -> clocks.readdressPending(scope.tenantId(), scope.caseId(),
                    clocks.team(scope.tenantId(), scope.caseId()).reminded());
            case TRIAGED, STATUS_CHANGED, PHASE_CHANGED -> {
                // the team is the same: nothing to readdress
            }
        }
    }
}
