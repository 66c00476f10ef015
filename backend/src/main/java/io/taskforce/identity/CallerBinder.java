package io.taskforce.identity;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.taskforce.platform.web.ClientAddresses;
import io.taskforce.platform.web.RequestIds;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Lets controllers take a {@link Caller} parameter. */
@Singleton
final class CallerBinder implements TypedRequestArgumentBinder<Caller> {

    private final ClientAddresses addresses;

    CallerBinder(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public Argument<Caller> argumentType() {
        return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> request) {
        Optional<Caller> caller = request.getUserPrincipal(Authentication.class).map(authentication -> callerOf(request, authentication));
        return () -> caller;
    }

    /** Who acts and from where; also used by {@link ActiveUserFilter} to audit a person's first appearance. */
    Caller callerOf(HttpRequest<?> request, Authentication authentication) {
        return new Caller(CurrentUser.of(authentication),
                addresses.of(request),
                truncate(request.getHeaders().get("User-Agent")),
                RequestIds.of(request).orElse(null), RequestIds.clientOf(request).orElse(null));
    }

    private static String truncate(String userAgent) {
        return userAgent == null || userAgent.length() <= 512 ? userAgent : userAgent.substring(0, 512);
    }
}
