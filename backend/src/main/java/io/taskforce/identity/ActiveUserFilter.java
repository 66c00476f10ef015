package io.taskforce.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.core.order.Ordered;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.taskforce.platform.web.LogContext;

import java.util.Map;
import java.util.UUID;

/**
 * A valid token is not enough: the person must still be active in the product, and a client's tenant too. A
 * user deactivated here is refused at once, even with a token Keycloak issued before. A client must be a member of the
 * tenant their token names. Users seen for the first time (demo users, people created in Keycloak directly) are
 * registered from their token, and their arrival is audited.
 */
@ServerFilter("/api/**")
final class ActiveUserFilter implements Ordered {

    private final UserAccountRepository accounts;
    private final TenantLookup tenants;
    private final FirstSeenUsers firstSeen;
    private final CallerBinder callers;
    private final ErrorResponseProcessor<?> errors;

    ActiveUserFilter(UserAccountRepository accounts, TenantLookup tenants, FirstSeenUsers firstSeen, CallerBinder callers,
                     ErrorResponseProcessor<?> errors) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.firstSeen = firstSeen;
        this.callers = callers;
        this.errors = errors;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    MutableHttpResponse<?> checkActive(HttpRequest<?> request, MutablePropagatedContext context) {
        var authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return null; // anonymous routes; the security rules already refused protected ones
        }
        CurrentUser user = CurrentUser.of(authentication.get());
        LogContext.add(context, user.tenantId() == null ? Map.of("userId", user.subject())
                : Map.of("userId", user.subject(), "tenantId", user.tenantId().toString()));
        var role = PrimaryRole.of(user.roles());
        if (role.isEmpty()) {
            return refuse(request, HttpStatus.FORBIDDEN, "Your account has no Taskforce role.");
        }
        var id = UUID.fromString(user.subject());
        if (user.hasRole(Role.CLIENT)) {
            if (user.tenantId() == null || !tenants.isActive(user.tenantId())) {
                return refuse(request, HttpStatus.FORBIDDEN, "Your organisation's access to Taskforce is suspended.");
            }
            // the tenant in the token is an attribute in Keycloak: the product's own membership list must agree
            if (!tenants.isMember(user.tenantId(), id)) {
                return refuse(request, HttpStatus.FORBIDDEN,
                        "You are not a member of the organisation your sign-in names: ask its administrator to invite you.");
            }
        }
        var account = accounts.findById(id);
        if (account.isEmpty()) {
            var claims = authentication.get().getAttributes();
            firstSeen.register(callers.callerOf(request, authentication.get()), (String) claims.get("email"),
                    (String) claims.get("given_name"), (String) claims.get("family_name"), role.get());
            return null;
        }
        if (!account.get().active()) {
            return refuse(request, HttpStatus.UNAUTHORIZED, "This account has been deactivated.");
        }
        return null;
    }

    private MutableHttpResponse<?> refuse(HttpRequest<?> request, HttpStatus status, String detail) {
        return errors.processResponse(ErrorContext.builder(request).errorMessage(detail).build(),
                HttpResponse.status(status));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
