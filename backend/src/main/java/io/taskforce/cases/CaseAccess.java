package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.platform.db.Actor;
import io.taskforce.platform.db.TenantTransactions;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way to act on a case. Given a case id and the caller, it opens a transaction that says who acts (so
 * row-level security shows staff only their teams' cases and the intake queue, and clients only their tenant),
 * finds the case, decides how the caller sees it (team, intake, client), binds the case's tenant and runs the
 * work. A case the caller may not see answers 404, the same as a missing one. Every feature that acts on a case
 * (messages, legal, reputation, engagement) goes through here.
 */
@Singleton
public class CaseAccess {

    private final TenantTransactions transactions;
    private final CaseFileRepository cases;

    CaseAccess(TenantTransactions transactions, CaseFileRepository cases) {
        this.transactions = transactions;
        this.cases = cases;
    }

    public <T> T read(Caller caller, UUID caseId, Function<CaseScope, T> work) {
        var actor = actorOf(caller);
        return transactions.read(actor, clientTenant(caller), () -> work.apply(resolve(caller, actor, caseId)));
    }

    public <T> T write(Caller caller, UUID caseId, Function<CaseScope, T> work) {
        var actor = actorOf(caller);
        return transactions.write(actor, clientTenant(caller), () -> work.apply(resolve(caller, actor, caseId)));
    }

    /** Reads across the caller's cases: staff over every tenant (their teams only), a client over their tenant. */
    public <T> T readAcross(Caller caller, Supplier<T> work) {
        return transactions.read(actorOf(caller), clientTenant(caller), work);
    }

    /** Writes a new case into a tenant the caller has been checked to report for. */
    <T> T writeNew(Caller caller, UUID tenantId, Supplier<T> work) {
        return transactions.write(actorOf(caller), tenantId, work);
    }

    static boolean isStaff(Caller caller) {
        return caller.user().firm() != null;
    }

    static boolean isClient(Caller caller) {
        return caller.user().hasRole(Role.CLIENT) && caller.user().tenantId() != null;
    }

    private CaseScope resolve(Caller caller, Actor actor, UUID caseId) {
        var key = cases.findKey(caseId, caller.getName()).orElseThrow(() -> ApiException.notFound("Case"));
        var viewer = actor.kind() == Actor.Kind.CLIENT ? CaseScope.Viewer.CLIENT
                : key.onTeam() ? CaseScope.Viewer.TEAM
                : key.status() == CaseStatus.NEW ? CaseScope.Viewer.INTAKE
                : null;
        if (viewer == null) {
            // row-level security already hides such a case; this keeps the rule visible in the code too
            throw ApiException.notFound("Case");
        }
        transactions.narrowTo(key.tenantId());
        return new CaseScope(caseId, key.tenantId(), key.status(), viewer);
    }

    private static Actor actorOf(Caller caller) {
        if (isStaff(caller)) {
            return Actor.staff(caller.userId());
        }
        if (isClient(caller)) {
            return Actor.client(caller.userId());
        }
        // platform admins see no case content
        throw ApiException.notFound("Case");
    }

    private static @Nullable UUID clientTenant(Caller caller) {
        return isStaff(caller) ? null : caller.user().tenantId();
    }
}
