package io.taskforce.messages;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.cases.CaseAccess;
import io.taskforce.cases.CaseScope;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.messages.MessageRecords.MessageRow;
import io.taskforce.messages.MessageRecords.RevisionRow;
import io.taskforce.messages.MessageViews.MessageView;
import io.taskforce.messages.MessageViews.PublishedMessageView;
import io.taskforce.messages.MessageViews.RevisionView;
import io.taskforce.messages.check.CheckedText;
import io.taskforce.messages.check.MessageCheck;
import io.taskforce.notify.NotifyEvent;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Messages of a case and the sign-off gate. Every change locks the message row, asks {@link SignOff} whether it may
 * happen, and writes the new facts, one audit event and the announcements in the same transaction: two requests on
 * any instances are serialised by the lock, so published words are always words a team lawyer approved.
 */
@Singleton
class MessageService {

    private final CaseAccess access;
    private final MessageStore store;
    private final AuditTrail audit;
    private final MessageNews news;
    private final ReviewSettings settings;

    MessageService(CaseAccess access, MessageStore store, AuditTrail audit, MessageNews news, ReviewSettings settings) {
        this.access = access;
        this.store = store;
        this.audit = audit;
        this.news = news;
        this.settings = settings;
    }

    MessageView create(Caller caller, UUID caseId, MessageRequests.Draft draft) {
        return access.write(caller, caseId, scope -> {
            scope.requireTeam();
            gate(() -> SignOff.edit(new SignOff.Subject(MessageState.DRAFT, null, Set.of()), person(caller)));
            var message = newMessage(caller, scope, draft.kind(), null);
            var revision = firstRevision(caller, message, draft.content(), null);
            audit.record(caller, AuditEntry.ofCase(caseId, "message.created", "message", message.id(), Changes.of()
                    .set("kind", message.kind()).set("revision", 1).set("sha256", revision.sha256())
                    .set("title", revision.content().title())));
            return view(message.tenantId(), message.id());
        });
    }

    /**
     * A message filled in from a template: when a lawyer other than the caller approved the template's words, the
     * first revision carries that approval and the message is APPROVED at once (the first-hour fast path); any later
     * edit sends it through review like any other.
     */
    MessageView createFromTemplate(Caller caller, UUID caseId, MessageRequests.FromTemplate request) {
        return access.write(caller, caseId, scope -> {
            scope.requireTeam();
            gate(() -> SignOff.edit(new SignOff.Subject(MessageState.DRAFT, null, Set.of()), person(caller)));
            var template = store.template(request.templateId())
                    .orElseThrow(() -> ApiException.badRequest("templateId: no template " + request.templateId() + "."));
            var content = new MessageContent(Templates.fill(template.title(), request.fills().asMap()),
                    Templates.fill(template.body(), request.fills().asMap()), request.channels(), request.audience(),
                    template.language());
            boolean covered = template.approved() && !caller.userId().equals(template.approvedBy());
            var message = newMessage(caller, scope, template.kind(), template.id());
            var revision = firstRevision(caller, message, content, covered ? template : null);
            var now = revision.createdAt();
            if (covered) {
                store.approve(message, 1, revision.sha256(), template.approvedBy(), now, template.id());
                store.move(message.moved(MessageState.APPROVED, 1, now));
            }
            audit.record(caller, AuditEntry.ofCase(caseId, "message.created", "message", message.id(), Changes.of()
                    .set("kind", message.kind()).set("revision", 1).set("sha256", revision.sha256())
                    .set("title", content.title()).set("templateId", template.id())
                    .set("templateSha256", template.sha256()).set("preApproved", covered)));
            return view(message.tenantId(), message.id());
        });
    }

    MessageView edit(Caller caller, UUID messageId, MessageRequests.Edit edit) {
        return act(caller, messageId, (message, ctx) -> {
            if (edit.baseRevision() != message.currentRevision()) {
                throw ApiException.conflict("Revision " + edit.baseRevision() + " is not the current one ("
                        + message.currentRevision() + "): someone saved in between; read the message again.");
            }
            var next = SignOff.edit(ctx.subject(), person(caller));
            var content = edit.content();
            if (edit.kind() != message.kind()) {
                throw ApiException.badRequest("kind: a message keeps its kind; draft a new message for another kind.");
            }
            if (content.sha256().equals(ctx.current().sha256())) {
                return; // the same words: no new revision, and an approval of them stands
            }
            var now = now();
            int number = message.currentRevision() + 1;
            var revision = new RevisionRow(number, content, content.sha256(), caller.userId(), "", now, null);
            store.insertRevision(message, revision, null);
            store.move(message.moved(next, number, now));
            store.closeReviews(message, now);
            audit.record(caller, AuditEntry.ofCase(message.caseId(), "message.revised", "message", messageId, Changes.of()
                    .changed("state", message.state(), next).set("revision", number).set("sha256", revision.sha256())
                    .changed("title", ctx.current().content().title(), content.title())));
        });
    }

    MessageView submit(Caller caller, UUID messageId, int revision) {
        return act(caller, messageId, (message, ctx) -> {
            var next = SignOff.submit(ctx.subject(), person(caller), revision);
            var now = now();
            var facts = store.caseFacts(message.tenantId(), message.caseId());
            var due = now.plus(settings.reviewTime(facts.severity()));
            store.move(message.moved(next, revision, now));
            store.requestReview(message, revision, caller.userId(), now, due, facts.legalLead(), facts.title(),
                    ctx.current().content().title());
            audit.record(caller, AuditEntry.ofCase(message.caseId(), "message.submitted", "message", messageId, Changes.of()
                    .changed("state", message.state(), next).set("revision", revision).set("sha256", ctx.current().sha256())
                    .set("reviewDueAt", due)));
            news.reviewRequested(caller, message.tenantId(), message.caseId(), facts.title(), facts.lawyers(),
                    ctx.current().content().title());
        });
    }

    MessageView approve(Caller caller, UUID messageId, int revision, String sha256) {
        return act(caller, messageId, (message, ctx) -> {
            var next = SignOff.approve(ctx.subject(), person(caller), revision, sha256);
            var now = now();
            store.approve(message, revision, sha256, caller.userId(), now, null);
            store.move(message.moved(next, revision, now));
            store.closeReviews(message, now);
            audit.record(caller, AuditEntry.ofCase(message.caseId(), "message.approved", "message", messageId, Changes.of()
                    .changed("state", message.state(), next).set("revision", revision).set("sha256", sha256)));
            news.answered(caller, NotifyEvent.MESSAGE_APPROVED, message.tenantId(), message.caseId(),
                    store.caseFacts(message.tenantId(), message.caseId()).title(), ctx.current().authorId(), ctx.current().content().title());
        });
    }

    MessageView requestChanges(Caller caller, UUID messageId, int revision, String comment) {
        return act(caller, messageId, (message, ctx) -> {
            var next = SignOff.requestChanges(ctx.subject(), person(caller), revision);
            var now = now();
            store.requestChanges(message, revision, caller.userId(), comment.strip(), now);
            store.move(message.moved(next, revision, now));
            store.closeReviews(message, now);
            audit.record(caller, AuditEntry.ofCase(message.caseId(), "message.changes_requested", "message", messageId,
                    Changes.of().changed("state", message.state(), next).set("revision", revision)
                            .set("sha256", ctx.current().sha256()).set("comment", comment.strip())));
            news.answered(caller, NotifyEvent.MESSAGE_CHANGES_REQUESTED, message.tenantId(), message.caseId(),
                    store.caseFacts(message.tenantId(), message.caseId()).title(), ctx.current().authorId(), ctx.current().content().title());
        });
    }

    MessageView publish(Caller caller, UUID messageId, int revision, String sha256) {
        return act(caller, messageId, (message, ctx) -> {
            var next = SignOff.publish(ctx.subject(), person(caller), revision, sha256);
            var now = now();
            store.publish(message, revision, sha256, caller.userId(), now);
            store.move(message.moved(next, revision, now));
            var approvers = ctx.approvers();
            audit.record(caller, AuditEntry.ofCase(message.caseId(), "message.published", "message", messageId, Changes.of()
                    .changed("state", message.state(), next).set("revision", revision).set("sha256", sha256)
                    .set("approvedBy", approvers.stream().map(UUID::toString).sorted().collect(Collectors.joining(",")))));
            var facts = store.caseFacts(message.tenantId(), message.caseId());
            news.published(caller, NotifyEvent.MESSAGE_PUBLISHED, message.tenantId(), message.caseId(), facts.title(),
                    facts.lawyers(), ctx.current().content().title());
        });
    }

    MessageView withdraw(Caller caller, UUID messageId) {
        return act(caller, messageId, (message, ctx) -> {
            var next = SignOff.withdraw(ctx.subject(), person(caller));
            var now = now();
            store.move(message.moved(next, message.currentRevision(), now));
            audit.record(caller, AuditEntry.ofCase(message.caseId(), "message.withdrawn", "message", messageId, Changes.of()
                    .changed("state", message.state(), next).set("revision", message.currentRevision())));
            var facts = store.caseFacts(message.tenantId(), message.caseId());
            news.published(caller, NotifyEvent.MESSAGE_WITHDRAWN, message.tenantId(), message.caseId(), facts.title(),
                    facts.lawyers(), ctx.current().content().title());
        });
    }

    MessageView get(Caller caller, UUID messageId) {
        UUID caseId = caseOf(caller, messageId);
        return access.read(caller, caseId, scope -> {
            scope.requireTeam();
            return view(scope.tenantId(), messageId);
        });
    }

    List<MessageView> list(Caller caller, UUID caseId) {
        return access.read(caller, caseId, scope -> {
            scope.requireTeam();
            return store.ofCase(scope.tenantId(), caseId).stream().map(m -> view(m.tenantId(), m.id())).toList();
        });
    }

    RevisionView revision(Caller caller, UUID messageId, int number) {
        UUID caseId = caseOf(caller, messageId);
        return access.read(caller, caseId, scope -> {
            scope.requireTeam();
            var message = store.find(scope.tenantId(), messageId).orElseThrow(() -> ApiException.notFound("Message"));
            var r = store.revision(scope.tenantId(), messageId, number).orElseThrow(() -> ApiException.notFound("Revision"));
            var c = r.content();
            var warnings = MessageCheck.run(new CheckedText(c.title(), c.body(), c.language(),
                    message.kind() == MessageKind.INTERNAL_MEMO || c.audience().isEmpty(),
                    Audience.includesGeneralPublic(c.audience())));
            return new RevisionView(r.number(), c.title(), c.body(), c.channels(), c.audience(), c.language(), r.authorId(),
                    r.authorName(), r.sha256(), r.createdAt(), r.templateId(), warnings);
        });
    }

    /** What the client sees of a case's messages: the frozen words of each one's last publication. */
    List<PublishedMessageView> published(Caller caller, UUID caseId) {
        return access.read(caller, caseId, scope -> {
            if (scope.viewer() == CaseScope.Viewer.INTAKE) {
                throw ApiException.notFound("Case");
            }
            return store.ofCase(scope.tenantId(), caseId).stream()
                    .filter(m -> m.state() == MessageState.PUBLISHED || m.state() == MessageState.WITHDRAWN
                            || !store.publications(m.tenantId(), m.id()).isEmpty())
                    .flatMap(m -> store.publications(m.tenantId(), m.id()).stream().reduce((a, b) -> b).stream().map(p -> {
                        var r = store.revision(m.tenantId(), m.id(), p.revision()).orElseThrow();
                        var c = r.content();
                        return new PublishedMessageView(m.id(), m.kind(), m.state() == MessageState.WITHDRAWN
                                ? MessageState.WITHDRAWN : MessageState.PUBLISHED, p.revision(), p.sha256(), c.title(),
                                c.body(), c.channels(), c.audience(), c.language(), p.at(), m.withdrawnAt());
                    }))
                    .toList();
        });
    }

    /** What the gate needs of a locked message: the current revision and who approved exactly its words. */
    private record Context(RevisionRow current, Set<UUID> approvers, SignOff.Subject subject) {
    }

    private MessageView act(Caller caller, UUID messageId, BiConsumerWithContext work) {
        UUID caseId = caseOf(caller, messageId);
        return access.write(caller, caseId, scope -> {
            scope.requireTeam();
            var message = store.lock(scope.tenantId(), messageId).orElseThrow(() -> ApiException.notFound("Message"));
            var current = store.revision(scope.tenantId(), messageId, message.currentRevision()).orElseThrow();
            if (!current.content().sha256().equals(current.sha256())) {
                // the words stored no longer hash to what was recorded: never sign off or publish them
                throw ApiException.conflict("The stored words of revision " + current.number() + " do not match their hash.");
            }
            var approvers = store.approvals(scope.tenantId(), messageId).stream()
                    .filter(a -> a.revision() == current.number() && a.sha256().equals(current.sha256()))
                    .map(MessageRecords.ApprovalRow::lawyerId).collect(Collectors.toUnmodifiableSet());
            var subject = new SignOff.Subject(message.state(),
                    new SignOff.Revision(current.number(), current.sha256(), current.authorId()), approvers);
            gate(() -> {
                work.apply(message, new Context(current, approvers, subject));
                return null;
            });
            return view(scope.tenantId(), messageId);
        });
    }

    /** The gate's refusals as the API answers them: 403 for who asks, 409 for the state of things. */
    private static <T> T gate(Supplier<T> decision) {
        try {
            return decision.get();
        } catch (SignOff.Refused refused) {
            throw refused.forbidden() ? ApiException.forbidden(refused.getMessage()) : ApiException.conflict(refused.getMessage());
        }
    }

    @FunctionalInterface
    private interface BiConsumerWithContext {
        void apply(MessageRow message, Context context);
    }

    private MessageRow newMessage(Caller caller, CaseScope scope, MessageKind kind, @Nullable String templateId) {
        var now = now();
        var message = new MessageRow(UUID.randomUUID(), scope.tenantId(), scope.caseId(), kind, MessageState.DRAFT, 1,
                templateId, caller.userId(), now, now, null, null);
        store.insert(message);
        return message;
    }

    private RevisionRow firstRevision(Caller caller, MessageRow message, MessageContent content, @Nullable MessageTemplate template) {
        var revision = new RevisionRow(1, content, content.sha256(), caller.userId(), "", message.createdAt(),
                template == null ? null : template.id());
        store.insertRevision(message, revision, template == null ? null : template.sha256());
        return revision;
    }

    private UUID caseOf(Caller caller, UUID messageId) {
        return access.readAcross(caller, () -> store.caseOf(messageId))
                .orElseThrow(() -> ApiException.notFound("Message"));
    }

    private MessageView view(UUID tenantId, UUID messageId) {
        var m = store.find(tenantId, messageId).orElseThrow(() -> ApiException.notFound("Message"));
        return MessageView.of(m, store.revisions(tenantId, messageId), store.approvals(tenantId, messageId),
                store.publications(tenantId, messageId), store.changeRequests(tenantId, messageId));
    }

    private static SignOff.Person person(Caller caller) {
        return new SignOff.Person(caller.userId(), caller.user().hasRole(Role.CONSULTANT), caller.user().hasRole(Role.LAWYER));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
