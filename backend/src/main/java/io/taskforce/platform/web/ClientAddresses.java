package io.taskforce.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;

/**
 * The address a request came from, as audit events and rate limits record it: the direct peer, or, when the peer
 * is one of the configured trusted proxies ({@code taskforce.web.trusted-proxies}), what they forwarded
 * ({@code X-Forwarded-For}, see {@link TrustedProxies}).
 */
@Singleton
public final class ClientAddresses {

    private final TrustedProxies proxies;

    ClientAddresses(@Value("${taskforce.web.trusted-proxies:}") String trustedProxies) {
        this.proxies = new TrustedProxies(Arrays.asList(trustedProxies.split(",")));
    }

    public String of(HttpRequest<?> request) {
        String peer = request.getRemoteAddress().getAddress().getHostAddress();
        List<String> hops = request.getHeaders().getAll("X-Forwarded-For").stream()
                .flatMap(value -> Arrays.stream(value.split(","))).toList();
        return proxies.clientAddress(peer, hops);
    }
}
