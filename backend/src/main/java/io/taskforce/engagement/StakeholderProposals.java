package io.taskforce.engagement;

import io.taskforce.cases.CaseScope;
import io.taskforce.cases.CrisisType;
import io.taskforce.identity.Caller;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The usual stakeholders of an industrial, outage, product or data crisis (customers, employees, the regulator,
 * the media), proposed at triage for the consultant to keep or drop. A group the case already has is not proposed
 * again, so triaging twice adds nothing. Part of the triage's transaction and of its audit event.
 */
@Singleton
class StakeholderProposals {

    static final Set<CrisisType> CALL_FOR_A_MAP = EnumSet.of(CrisisType.INDUSTRIAL_ACCIDENT, CrisisType.OUTAGE,
            CrisisType.PRODUCT_SAFETY, CrisisType.DATA_BREACH);

    /** A proposal: group, names in French and English, power, interest. */
    record Usual(StakeholderGroup group, String fr, String en, int power, int interest) {
    }

    static List<Usual> usual(Set<CrisisType> types) {
        if (types.stream().noneMatch(CALL_FOR_A_MAP::contains)) {
            return List.of();
        }
        boolean data = types.contains(CrisisType.DATA_BREACH);
        return List.of(
                new Usual(StakeholderGroup.CUSTOMERS, "Clients", "Customers", 4, 5),
                new Usual(StakeholderGroup.EMPLOYEES, "Salariés", "Employees", 3, 4),
                data ? new Usual(StakeholderGroup.REGULATOR, "CNIL", "CNIL (data protection authority)", 5, 4)
                        : new Usual(StakeholderGroup.REGULATOR, "Autorité de contrôle", "Regulator", 5, 3),
                new Usual(StakeholderGroup.MEDIA, "Médias", "Media", 4, 4));
    }

    private final StakeholderStore store;

    StakeholderProposals(StakeholderStore store) {
        this.store = store;
    }

    void propose(Caller caller, CaseScope scope, Set<CrisisType> types, String language) {
        var now = LogService.now();
        for (var u : usual(types)) {
            if (!store.hasGroup(scope.tenantId(), scope.caseId(), u.group())) {
                store.insert(new StakeholderStore.Row(UUID.randomUUID(), scope.tenantId(), scope.caseId(), u.group(),
                        "en".equals(language) ? u.en() : u.fr(), "", u.power(), u.interest(), "", null, null, null, true,
                        caller.userId(), now, now));
            }
        }
    }
}
