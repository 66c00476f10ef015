package io.taskforce.cases;

import io.taskforce.platform.problem.ApiException;

import java.util.UUID;

/**
 * A case the caller may act on, resolved by {@link CaseAccess}, and how they see it: on its team, as staff at
 * intake (a NEW case, triage fields only), or as a client of its tenant.
 */
public record CaseScope(UUID caseId, UUID tenantId, CaseStatus status, Viewer viewer) {

    public enum Viewer { TEAM, INTAKE, CLIENT }

    /** Work that only the team may do answers 404 to anyone else: they may not know there is more to see. */
    public CaseScope requireTeam() {
        if (viewer != Viewer.TEAM) {
            throw ApiException.notFound("Case");
        }
        return this;
    }

    /** The team, or any staff member while the case waits for triage. */
    public CaseScope requireStaff() {
        if (viewer == Viewer.CLIENT) {
            throw ApiException.notFound("Case");
        }
        return this;
    }
}
