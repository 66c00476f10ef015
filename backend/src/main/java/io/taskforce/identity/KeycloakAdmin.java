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
 * their role and tenant attribute, group membership, invitation e-mails, enabling and disabling. Never called
 * inside a database transaction (README, "External side effects"). A small client of our own rather than
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
        var response = send("POST", "/groups", Map.of("name", groupName(slug),
                "attributes", Map.of("tenant_id", List.of(tenantId.toString()))));
        return createdId(response, "tenant group " + slug);
    }

    /**
     * The tenant's group, created when missing (tenants that predate groups) or found again when an earlier attempt
     * created it without recording its id: safe to repeat.
     */
    public String ensureTenantGroup(UUID tenantId, String slug) {
        var found = send("GET", "/groups?exact=true&briefRepresentation=false&search=" + encode(groupName(slug)), null);
        expectOk(found, "tenant group " + slug);
        try {
            for (var group : json.readValue(found.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)))) {
                if (groupName(slug).equals(group.get("name"))) {
                    return (String) group.get("id");
                }
            }
        } catch (IOException e) {
            throw unreachable(e);
        }
        return createTenantGroup(tenantId, slug);
    }

    public void deleteGroup(String groupId) {
        try {
            send("DELETE", "/groups/" + groupId, null);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete Keycloak group {} while undoing a failed change", groupId, e);
        }
    }

    /**
     * Creates an enabled user with their role (and, for a client, the tenant attribute) and no credential at all:
     * they choose their password through the invitation e-mail. Returns the subject. No half-made identity: if the
     * role cannot be given, the user is deleted again.
     */
    public UUID createUser(NewIdentity person) {
        var user = new LinkedHashMap<String, Object>();
        user.put("username", person.email());
        user.put("email", person.email());
        user.put("emailVerified", true);
        user.put("firstName", person.firstName());
        user.put("lastName", person.lastName());
        user.put("enabled", true);
        var attributes = new LinkedHashMap<String, List<String>>();
        if (person.tenantId() != null) {
            attributes.put("tenant", List.of(person.tenantId().toString()));
        }
        if (person.locale() != null) {
            attributes.put("locale", List.of(person.locale()));
        }
        if (!attributes.isEmpty()) {
            user.put("attributes", attributes);
        }
        UUID id = UUID.fromString(createdId(send("POST", "/users", user), "user " + person.email()));
        try {
            var role = parse(send("GET", "/roles/" + encode(person.role()), null));
            expectOk(send("POST", "/users/" + id + "/role-mappings/realm", List.of(role)), "role of " + person.email());
            return id;
        } catch (RuntimeException e) {
            deleteUser(id); // no half-made identity: a user without a role must not exist
            throw e;
        }
    }

    public void joinGroup(UUID userId, String groupId) {
        expectOk(send("PUT", "/users/" + userId + "/groups/" + groupId, null), "group of user " + userId);
    }

    /**
     * Asks Keycloak to e-mail the person a link (valid for {@code lifespan}) through which they perform the given
     * required actions, then land on {@code redirectUri} of the client {@code clientId}.
     */
    public void sendActionsEmail(UUID userId, List<String> actions, Duration lifespan, String clientId, String redirectUri) {
        String query = "?lifespan=" + Math.max(1, lifespan.toSeconds()) + "&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(redirectUri);
        expectOk(send("PUT", "/users/" + userId + "/execute-actions-email" + query, actions), "invitation e-mail");
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

    private static String groupName(String slug) {
        return "tenant-" + slug;
    }

    private String createdId(HttpResponse<String> response, String what) {
        if (response.statusCode() == HttpStatus.CONFLICT.getCode()) {
            throw ApiException.conflict("The identity provider already has this " + what.replaceFirst(" .*", "")
                    + " (" + what.replaceFirst("^\\S+ ", "") + ").");
        }
        expectOk(response, what);
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Keycloak created " + what + " without a Location"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void expectOk(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            LOG.error("Keycloak admin call for {} failed: {} {}", what, response.statusCode(), response.body());
            throw new ApiException(HttpStatus.BAD_GATEWAY, "The identity provider refused the change (" + what
                    + "): HTTP " + response.statusCode() + errorMessage(response) + ".");
        }
    }

    /** Keycloak's own short explanation ({@code errorMessage} or {@code error}), when it gives one. */
    private String errorMessage(HttpResponse<String> response) {
        try {
            Map<String, Object> body = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
            Object message = body.getOrDefault("errorMessage", body.get("error"));
            return message == null ? "" : ", " + message.toString().replaceAll("\\s+", " ").trim();
        } catch (IOException | RuntimeException e) {
            return "";
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
