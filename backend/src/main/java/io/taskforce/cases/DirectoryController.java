package io.taskforce.cases;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Role;
import io.taskforce.identity.UserAccountRepository;
import io.taskforce.tenancy.TenantDirectory;

import java.util.List;
import java.util.UUID;

/** Who staff can put on a team and which companies they can report for. Names only; no case content. */
@Controller("/api/v1/directory")
@Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST})
@ExecuteOn(TaskExecutors.BLOCKING)
class DirectoryController {

    private final UserAccountRepository users;
    private final TenantDirectory tenants;

    DirectoryController(UserAccountRepository users, TenantDirectory tenants) {
        this.users = users;
        this.tenants = tenants;
    }

    @Get("/staff")
    @Operation(operationId = "staffDirectory", summary = "Active staff of the three firms, by firm then name")
    List<StaffMember> staff() {
        return users.findActiveStaff().stream().filter(u -> u.firm().isPresent())
                .map(u -> new StaffMember(u.id(), u.displayName(), u.username(), u.role(), u.firm().orElseThrow().name()))
                .toList();
    }

    @Get("/tenants")
    @Operation(operationId = "tenantDirectory", summary = "Active companies, by name")
    List<TenantName> tenants() {
        return tenants.activeTenants().stream().map(t -> new TenantName(t.id(), t.name())).toList();
    }

    @Serdeable
    record StaffMember(UUID id, String name, String username, String role, String firm) {
    }

    @Serdeable
    record TenantName(UUID id, String name) {
    }
}
