package io.taskforce.cases;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.taskforce.cases.CaseStatus.*;

/**
 * The status a case may move to, and what must hold first. Pure: the service gives it the facts and turns a
 * refusal into a 409 with the reason.
 */
public final class CaseLifecycle {

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            NEW, EnumSet.of(TRIAGED),
            TRIAGED, EnumSet.of(ACTIVE, CLOSED),
            ACTIVE, EnumSet.of(MONITORING, CLOSED),
            MONITORING, EnumSet.of(ACTIVE, CLOSED),
            CLOSED, EnumSet.of(ACTIVE));

    private CaseLifecycle() {
    }

    /**
     * Why the move is refused, or empty when it is allowed.
     *
     * @param workstreamsWithoutLead active workstreams of the case that have no lead on the team
     */
    public static Optional<String> refusal(CaseStatus from, CaseStatus to, Set<Workstream> workstreamsWithoutLead) {
        if (from == to) {
            return Optional.of("The case is already " + to + ".");
        }
        if (to == TRIAGED) {
            return Optional.of("A case becomes TRIAGED by triage, not by a status change.");
        }
        if (!NEXT.get(from).contains(to)) {
            return Optional.of("A " + from + " case cannot become " + to + ".");
        }
        if (to == ACTIVE && !workstreamsWithoutLead.isEmpty()) {
            return Optional.of("Every active workstream needs a lead on the team first; missing: "
                    + String.join(", ", workstreamsWithoutLead.stream().map(Enum::name).sorted().toList()) + ".");
        }
        return Optional.empty();
    }
}
