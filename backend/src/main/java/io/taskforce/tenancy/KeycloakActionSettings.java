package io.taskforce.tenancy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.taskforce.platform.jobs.Retry;

import java.time.Duration;

/**
 * The Keycloak actions performed after commit: how long an invitation link stays valid, where it lands once the
 * person has chosen their password (the application's public URL, a valid redirect of the SPA client), how often
 * the job looks for due actions, the retry policy, and how long a claimed action stays reserved for the instance
 * performing it.
 */
@ConfigurationProperties("taskforce.keycloak-actions")
record KeycloakActionSettings(
        @Bindable(defaultValue = "72h") Duration invitationLifespan,
        @Bindable(defaultValue = "http://localhost:8080/") String invitationRedirectUrl,
        @Bindable(defaultValue = "2s") Duration interval,
        @Bindable(defaultValue = "10s") Duration retryBase,
        @Bindable(defaultValue = "30m") Duration retryCap,
        @Bindable(defaultValue = "8") int maxAttempts,
        @Bindable(defaultValue = "2m") Duration claimLease) {

    Retry retry() {
        return new Retry(retryBase, retryCap, maxAttempts);
    }
}
