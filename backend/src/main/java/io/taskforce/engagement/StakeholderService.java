package io.taskforce.engagement;

import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.cases.CaseAccess;
import io.taskforce.identity.Caller;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The stakeholder map of a case. The team reads it; consultants, who run the crisis method, write it (the
 * controller says so). Each change is one audit event with the fields that moved.
 */
@Singleton
class StakeholderService {

    private final CaseAccess access;
    private final StakeholderStore store;
    private final AuditTrail audit;

    StakeholderService(CaseAccess access, StakeholderStore store, AuditTrail audit) {
        this.access = access;
        this.store = store;
        this.audit = audit;
    }

    List<StakeholderView> list(Caller caller, UUID caseId, boolean notInformedOnly) {
        return access.read(caller, caseId, scope -> {
            scope.requireTeam();
            return store.ofCase(scope.tenantId(), caseId, notInformedOnly);
        });
    }

    StakeholderView create(Caller caller, UUID caseId, StakeholderRequests.NewStakeholder request) {
        return access.write(caller, caseId, scope -> {
            scope.requireTeam();
            requireOwnerOnTeam(scope.tenantId(), caseId, request.ownerId());
            var now = LogService.now();
            var row = new StakeholderStore.Row(UUID.randomUUID(), scope.tenantId(), caseId, request.group(),
                    request.name().strip(), text(request.expectations()), request.power(), request.interest(),
                    text(request.channel()), request.ownerId(), null, null, false, caller.userId(), now, now);
            store.insert(row);
            audit.record(caller, AuditEntry.ofCase(caseId, "stakeholder.added", "stakeholder", row.id(), Changes.of()
                    .set("group", row.group()).set("name", row.name()).set("power", row.power())
                    .set("interest", row.interest()).set("quadrant", Quadrant.of(row.power(), row.interest()))
                    .set("channel", row.channel()).set("ownerId", row.ownerId())));
            return store.view(scope.tenantId(), row.id());
        });
    }

    StakeholderView change(Caller caller, UUID stakeholderId, StakeholderRequests.Change change) {
        UUID caseId = caseOf(caller, stakeholderId);
        return access.write(caller, caseId, scope -> {
            scope.requireTeam();
            var s = store.lock(scope.tenantId(), stakeholderId).orElseThrow(() -> ApiException.notFound("Stakeholder"));
            if (change.ownerId() != null) {
                requireOwnerOnTeam(scope.tenantId(), caseId, change.ownerId());
            }
            var now = LogService.now();
            var owner = Boolean.TRUE.equals(change.clearOwner()) ? null : change.ownerId() != null ? change.ownerId() : s.ownerId();
            boolean informed = change.informed() != null ? change.informed() : s.informedAt() != null;
            var informedAt = !informed ? null : s.informedAt() != null ? s.informedAt() : now;
            var informedBy = !informed ? null : s.informedAt() != null ? s.informedBy() : caller.userId();
            var next = new StakeholderStore.Row(s.id(), s.tenantId(), s.caseId(),
                    change.group() != null ? change.group() : s.group(),
                    change.name() != null ? requireText(change.name()) : s.name(),
                    change.expectations() != null ? change.expectations().strip() : s.expectations(),
                    change.power() != null ? change.power() : s.power(),
                    change.interest() != null ? change.interest() : s.interest(),
                    change.channel() != null ? change.channel().strip() : s.channel(), owner, informedAt, informedBy,
                    s.proposed() && !Boolean.TRUE.equals(change.kept()), s.createdBy(), s.createdAt(), now);
            var changes = Changes.of().changed("group", s.group(), next.group()).changed("name", s.name(), next.name())
                    .changed("expectations", s.expectations(), next.expectations())
                    .changed("power", s.power(), next.power()).changed("interest", s.interest(), next.interest())
                    .changed("quadrant", Quadrant.of(s.power(), s.interest()), Quadrant.of(next.power(), next.interest()))
                    .changed("channel", s.channel(), next.channel()).changed("ownerId", s.ownerId(), next.ownerId())
                    .changed("informedAt", s.informedAt(), next.informedAt())
                    .changed("informedBy", s.informedBy(), next.informedBy())
                    .changed("proposed", s.proposed(), next.proposed());
            if (!changes.isEmpty()) {
                store.update(next);
                audit.record(caller, AuditEntry.ofCase(caseId, informedChanged(s, next) ? "stakeholder.informed"
                        : "stakeholder.changed", "stakeholder", s.id(), changes));
            }
            return store.view(scope.tenantId(), s.id());
        });
    }

    /** Drops a stakeholder: a triage proposal the consultant does not keep, or one entered by mistake. */
    void remove(Caller caller, UUID stakeholderId) {
        UUID caseId = caseOf(caller, stakeholderId);
        access.write(caller, caseId, scope -> {
            scope.requireTeam();
            var s = store.lock(scope.tenantId(), stakeholderId).orElseThrow(() -> ApiException.notFound("Stakeholder"));
            store.delete(scope.tenantId(), s.id());
            audit.record(caller, AuditEntry.ofCase(caseId, "stakeholder.removed", "stakeholder", s.id(), Changes.of()
                    .removed("group", s.group()).removed("name", s.name()).removed("proposed", s.proposed())));
            return null;
        });
    }

    private UUID caseOf(Caller caller, UUID stakeholderId) {
        return access.readAcross(caller, () -> store.caseOf(stakeholderId))
                .orElseThrow(() -> ApiException.notFound("Stakeholder"));
    }

    private void requireOwnerOnTeam(UUID tenantId, UUID caseId, UUID ownerId) {
        if (ownerId != null && !store.onTeam(tenantId, caseId, ownerId)) {
            throw ApiException.badRequest("ownerId: the owner of a stakeholder is a member of the case's team.");
        }
    }

    private static boolean informedChanged(StakeholderStore.Row before, StakeholderStore.Row after) {
        return !Objects.equals(before.informedAt(), after.informedAt());
    }

    private static String requireText(String value) {
        if (value.isBlank()) {
            throw ApiException.badRequest("name: must not be blank.");
        }
        return value.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
