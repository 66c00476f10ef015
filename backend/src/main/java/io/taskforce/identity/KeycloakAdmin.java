package io.taskforce.identity;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keycloak's admin REST API, called with the {@code taskforce-admin} service account: tenant groups, users,
 * their role and tenant attribute, enabling and disabling. A small client of our own rather than
 * keycloak-admin-client, which would bring a second HTTP and JSON stack (RESTEasy) into the application.
 */
@Singleton
public class KeycloakAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakAdmin.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KeycloakAdminSettings settings;
    private final String baseUrl;
    private final String managedRealm;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile CachedToken token;

    KeycloakAdmin(KeycloakAdminSettings settings, OidcSettings oidc, JsonMapper json) {
        this.settings = settings;
        this.baseUrl = settings.url() == null || settings.url().isBlank() ? oidc.publicUrl() : settings.url();
        // the service account may live in another realm (e.g. master); the users it manages are the product's
        this.managedRealm = oidc.realm();
        this.json = json;
    }

    /** Creates the group that holds a tenant's client users; returns its Keycloak id. */
    public String createTenantGroup(UUID tenantId, String slug) {
        var response = send("POST", "/groups", Map.of("name", "tenant-" + slug,
                "attributes", Map.of("tenant_id", List.of(tenantId.toString()))));
        return createdId(response, "tenant group " + slug);
    }

    /** Creates an enabled user who must change the given password at first login; returns the subject. */
    public UUID createUser(NewIdentity person) {
        var user = new LinkedHashMap<String, Object>();
        user.put("username", person.email());
        user.put("email", person.email());
        user.put("emailVerified", true);
        user.put("firstName", person.firstName());
        user.put("lastName", person.lastName());
        user.put("enabled", true);
        user.put("credentials", List.of(Map.of("type", "password", "value", person.temporaryPassword(), "temporary", true)));
        if (person.tenantId() != null) {
            user.put("attributes", Map.of("tenant", List.of(person.tenantId().toString())));
        }
        UUID id = UUID.fromString(createdId(send("POST", "/users", user), "user " + person.email()));
        try {
            var role = parse(send("GET", "/roles/" + encode(person.role()), null));
            expectOk(send("POST", "/users/" + id + "/role-mappings/realm", List.of(role)), "role of " + person.email());
            if (person.tenantGroupId() != null) {
                expectOk(send("PUT", "/users/" + id + "/groups/" + person.tenantGroupId(), null), "tenant of " + person.email());
            }
            return id;
        } catch (RuntimeException e) {
            deleteUser(id); // no half-made identity: a user without role or tenant must not exist
            throw e;
        }
    }

    public void setEnabled(UUID userId, boolean enabled) {
        expectOk(send("PUT", "/users/" + userId, Map.of("enabled", enabled)), "user state");
        if (!enabled) {
            expectOk(send("POST", "/users/" + userId + "/logout", null), "user sessions");
        }
    }

    public void deleteUser(UUID userId) {
        try {
            send("DELETE", "/users/" + userId, null);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete Keycloak user {} while undoing a failed invitation", userId, e);
        }
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        if (!settings.configured()) {
            throw ApiException.unavailable("Identity administration is not configured (KEYCLOAK_ADMIN_*).");
        }
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + managedRealm + path))
                    .timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + accessToken())
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    private String accessToken() throws IOException, InterruptedException {
        CachedToken current = token;
        if (current != null && current.validUntil().isAfter(Instant.now())) {
            return current.value();
        }
        String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId())
                + "&client_secret=" + encode(settings.clientSecret());
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + settings.realm()
                        + "/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            LOG.error("Keycloak refused the admin service account: {} {}", response.statusCode(), response.body());
            throw ApiException.unavailable("The identity provider refused the product's service account.");
        }
        Map<String, Object> body = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        long expiresIn = ((Number) body.get("expires_in")).longValue();
        token = new CachedToken((String) body.get("access_token"), Instant.now().plusSeconds(Math.max(0, expiresIn - 30)));
        return token.value();
    }

    private Map<String, Object> parse(HttpResponse<String> response) {
        expectOk(response, "lookup");
        try {
            return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private static String createdId(HttpResponse<String> response, String what) {
        if (response.statusCode() == HttpStatus.CONFLICT.getCode()) {
            throw ApiException.conflict("The identity provider already has this " + what.replaceFirst(" .*", "")
                    + " (" + what.replaceFirst("^\\S+ ", "") + ").");
        }
        expectOk(response, what);
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Keycloak created " + what + " without a Location"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static void expectOk(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            LOG.error("Keycloak admin call for {} failed: {} {}", what, response.statusCode(), response.body());
            throw new ApiException(HttpStatus.BAD_GATEWAY, "The identity provider refused the change (" + what + ").");
        }
    }

    private static ApiException unreachable(Exception e) {
        LOG.error("Keycloak admin API unreachable", e);
        return ApiException.unavailable("The identity provider cannot be reached; nothing was changed.");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record CachedToken(String value, Instant validUntil) {
    }
}
