package io.taskforce.notify;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Firm;
import io.taskforce.platform.db.TenantTransactions;
import io.taskforce.platform.problem.ApiException;
import io.taskforce.platform.web.Keyset;
import io.taskforce.platform.web.Page;
import io.taskforce.tenancy.TenantDirectory;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Webhooks, managed by platform admins. A webhook is found across owners (the dispatcher's view of notify tables),
 * then every change runs in a transaction bound to its owner — the tenant, or the platform for a firm's — with one
 * audit event in that owner's chain. The secret is made here, returned once by {@link #create}, and appears in no
 * view and no audit event.
 */
@Singleton
class WebhookService {

    private final TenantTransactions transactions;
    private final WebhookStore store;
    private final WebhookDeliveries deliveries;
    private final TenantDirectory tenants;
    private final AuditTrail audit;
    private final WebhookSettings settings;

    WebhookService(TenantTransactions transactions, WebhookStore store, WebhookDeliveries deliveries,
                   TenantDirectory tenants, AuditTrail audit, WebhookSettings settings) {
        this.transactions = transactions;
        this.store = store;
        this.deliveries = deliveries;
        this.tenants = tenants;
        this.audit = audit;
        this.settings = settings;
    }

    Page<WebhookView> list(@Nullable String after, int limit) {
        var cursor = Keyset.parse(after);
        var rows = transactions.asDispatcher(() -> store.page(cursor, limit + 1));
        var names = tenants.namesOf(rows.stream().map(WebhookView::tenantId).filter(java.util.Objects::nonNull).toList());
        var named = rows.stream().map(w -> w.tenantId() == null ? w : w.withTenantName(names.get(w.tenantId()))).toList();
        return Page.of(named, limit, w -> new Keyset(w.createdAt(), w.id()).encode());
    }

    WebhookView.Created create(Caller caller, WebhookRequests.CreateWebhook request) {
        if ((request.tenantId() == null) == (request.firm() == null)) {
            throw ApiException.badRequest("tenantId: give either a tenant (tenantId) or a firm (firm), not both nor neither.");
        }
        Firm firm = request.firm() == null ? null : firm(request.firm());
        String tenantName = null;
        if (request.tenantId() != null) {
            tenantName = tenants.nameOf(request.tenantId())
                    .orElseThrow(() -> ApiException.badRequest("tenantId: no tenant has this id."));
        }
        String url = request.url().trim();
        String urlProblem = WebhookUrls.problem(url, settings.allowHttpLocalhost());
        if (urlProblem != null) {
            throw ApiException.badRequest("url: " + urlProblem);
        }
        var events = events(request.events());
        UUID owner = request.tenantId() != null ? request.tenantId() : TenantTransactions.PLATFORM;
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        String name = tenantName;
        return transactions.write(owner, () -> {
            store.insert(owner, id, firm, url, events, secret);
            audit.record(caller, AuditEntry.of("webhook.created", "webhook", id, Changes.of()
                    .set("owner", ownerLabel(request.tenantId(), firm)).set("url", url).set("events", events)
                    .set("active", true)));
            var view = store.find(owner, id).orElseThrow().withTenantName(name);
            return new WebhookView.Created(view, secret);
        });
    }

    void delete(Caller caller, UUID id) {
        UUID owner = ownerOf(id);
        transactions.write(owner, () -> {
            var webhook = store.find(owner, id).orElseThrow(() -> ApiException.notFound("Webhook"));
            store.delete(owner, id);
            audit.record(caller, AuditEntry.of("webhook.deleted", "webhook", id, Changes.of()
                    .removed("owner", ownerLabel(webhook.tenantId(), webhook.firm())).removed("url", webhook.url())
                    .removed("events", webhook.events()).removed("active", webhook.active())));
            return null;
        });
    }

    /** Enables a disabled webhook again: its run of failures is forgotten and its waiting deliveries go at once. */
    WebhookView enable(Caller caller, UUID id) {
        UUID owner = ownerOf(id);
        var view = transactions.write(owner, () -> {
            var webhook = store.find(owner, id).orElseThrow(() -> ApiException.notFound("Webhook"));
            if (webhook.active()) {
                return webhook;
            }
            store.enable(owner, id);
            audit.record(caller, AuditEntry.of("webhook.enabled", "webhook", id, Changes.of()
                    .changed("active", false, true).changed("disabledReason", webhook.disabledReason(), null)));
            return store.find(owner, id).orElseThrow();
        });
        return named(view);
    }

    /** Queues a {@code webhook.test} delivery, sent at once by the delivery job; answers it as the log shows it. */
    WebhookDeliveryView test(Caller caller, UUID id) {
        UUID owner = ownerOf(id);
        return transactions.write(owner, () -> {
            var webhook = store.find(owner, id).orElseThrow(() -> ApiException.notFound("Webhook"));
            if (!webhook.active()) {
                throw ApiException.conflict("This webhook is disabled: enable it before sending a test.");
            }
            UUID delivery = deliveries.enqueueTest(owner, id);
            audit.record(caller, AuditEntry.of("webhook.tested", "webhook", id, Changes.of().set("delivery", delivery)));
            return store.deliveries(owner, id, null, 1).get(0);
        });
    }

    Page<WebhookDeliveryView> deliveries(UUID id, @Nullable String after, int limit) {
        var cursor = Keyset.parse(after);
        UUID owner = ownerOf(id);
        var rows = transactions.read(owner, () -> {
            store.find(owner, id).orElseThrow(() -> ApiException.notFound("Webhook"));
            return store.deliveries(owner, id, cursor, limit + 1);
        });
        return Page.of(rows, limit, d -> new Keyset(d.createdAt(), d.id()).encode());
    }

    private UUID ownerOf(UUID id) {
        return transactions.asDispatcher(() -> store.ownerOf(id)).orElseThrow(() -> ApiException.notFound("Webhook"));
    }

    private WebhookView named(WebhookView view) {
        return view.tenantId() == null ? view : view.withTenantName(tenants.nameOf(view.tenantId()).orElse(null));
    }

    private static String ownerLabel(@Nullable UUID tenantId, @Nullable Firm firm) {
        return tenantId != null ? "tenant:" + tenantId : "firm:" + firm;
    }

    private static Firm firm(String value) {
        try {
            return Firm.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("firm: must be COMMUNICATION, LEGAL or REPUTATION.");
        }
    }

    private static List<String> events(List<String> requested) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String event = requested.get(i);
            if (event == null || NotifyEvent.ofCode(event).isEmpty()) {
                throw ApiException.badRequest("events[" + i + "]: not an event a webhook can receive: '" + event
                        + "' (one of " + String.join(", ", codes()) + ").");
            }
            if (!seen.add(event)) {
                throw ApiException.badRequest("events[" + i + "]: '" + event + "' is listed twice.");
            }
        }
        return List.copyOf(requested);
    }

    private static List<String> codes() {
        return java.util.Arrays.stream(NotifyEvent.values()).map(NotifyEvent::code).toList();
    }

    /** Whether a URL may receive deliveries: https, or http to this machine when the setting allows it. */
    static final class WebhookUrls {

        private WebhookUrls() {
        }

        static @Nullable String problem(String url, boolean allowHttpLocalhost) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                return "not a valid URL.";
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || uri.getHost().isBlank() || !uri.isAbsolute()) {
                return "must be an absolute https URL with a host.";
            }
            if (uri.getUserInfo() != null) {
                return "must not carry credentials.";
            }
            if (uri.getFragment() != null) {
                return "must not have a fragment.";
            }
            boolean local = Set.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost().toLowerCase(Locale.ROOT));
            if (scheme.equals("https") || (scheme.equals("http") && allowHttpLocalhost && local)) {
                return null;
            }
            return allowHttpLocalhost ? "must use https (plain http only to localhost)." : "must use https.";
        }
    }
}
