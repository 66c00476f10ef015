package io.taskforce.cases;

import io.taskforce.identity.Caller;

import java.util.Map;
import java.util.Set;

/**
 * Listens to what happens to a case, inside the transaction that makes it happen: triage, team changes, status and
 * phase changes. The running log (engagement) implements it so that the case's story tells itself without double
 * entry; {@code cases} owns this interface and knows nothing of who listens, so it depends on no later feature.
 */
public interface CaseStory {

    void told(Caller caller, CaseScope scope, Moment moment);

    enum Kind { TRIAGED, MEMBER_ADDED, MEMBER_CHANGED, MEMBER_REMOVED, STATUS_CHANGED, PHASE_CHANGED }

    /** What happened, its facts as plain strings (names, statuses), and the case's crisis types after it. */
    record Moment(Kind kind, Map<String, String> facts, Set<CrisisType> crisisTypes) {
    }
}
