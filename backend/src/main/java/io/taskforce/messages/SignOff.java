package io.taskforce.messages;

import java.util.Set;
import java.util.UUID;

/**
 * The sign-off gate as a pure rule (DESIGN §5): given where a message stands and who asks, the state it moves to,
 * or why not. Who may ask is answered first (403), then whether the message is in a state and at a revision where
 * that makes sense (409). The service calls it with the message row locked, so the answer holds until commit.
 */
final class SignOff {

    private SignOff() {
    }

    /** The current revision: its number, the hash of its words and who wrote them. */
    record Revision(int number, String sha256, UUID authorId) {
    }

    /**
     * A message as the gate sees it. {@code approvals} are the lawyers whose approval names the current revision
     * with the hash of its words (an approval of older words does not count).
     */
    record Subject(MessageState state, Revision current, Set<UUID> approvals) {
    }

    /** Who asks, already known to be on the case's team. */
    record Person(UUID id, boolean consultant, boolean lawyer) {
    }

    /** A refusal: {@code forbidden} for who asks (403), otherwise for the state of things (409). */
    static final class Refused extends RuntimeException {
        private final boolean forbidden;

        Refused(boolean forbidden, String reason) {
            super(reason, null, false, false);
            this.forbidden = forbidden;
        }

        boolean forbidden() {
            return forbidden;
        }
    }

    /** Any edit makes a new revision and starts over from DRAFT; an approval stays with the words it named. */
    static MessageState edit(Subject message, Person person) {
        mayDraft(person);
        if (message.state() == MessageState.WITHDRAWN) {
            throw conflict("A withdrawn message is final; draft a new one.");
        }
        return MessageState.DRAFT;
    }

    static MessageState submit(Subject message, Person person, int revision) {
        mayDraft(person);
        if (message.state() != MessageState.DRAFT && message.state() != MessageState.CHANGES_REQUESTED) {
            throw conflict("Only a draft, or a message whose changes were requested, can be submitted; this one is " + message.state() + ".");
        }
        current(message, revision);
        return MessageState.IN_REVIEW;
    }

    static MessageState approve(Subject message, Person person, int revision, String sha256) {
        signer(message, person);
        inReview(message, revision);
        if (!message.current().sha256().equals(sha256)) {
            throw conflict("The hash given is not the hash of revision " + revision + ": these are not the words under review.");
        }
        return MessageState.APPROVED;
    }

    static MessageState requestChanges(Subject message, Person person, int revision) {
        signer(message, person);
        inReview(message, revision);
        return MessageState.CHANGES_REQUESTED;
    }

    static MessageState publish(Subject message, Person person, int revision, String sha256) {
        if (!person.consultant()) {
            throw forbidden("Consultants record publications; a lawyer's part is the sign-off.");
        }
        if (message.state() != MessageState.APPROVED) {
            throw conflict("Only an approved message can be published; this one is " + message.state() + ".");
        }
        current(message, revision);
        if (!message.current().sha256().equals(sha256)) {
            throw conflict("The hash given is not the hash of revision " + revision + ": these are not the approved words.");
        }
        if (message.approvals().isEmpty()) {
            throw conflict("No lawyer's approval names revision " + revision + " with this hash.");
        }
        return MessageState.PUBLISHED;
    }

    static MessageState withdraw(Subject message, Person person) {
        mayDraft(person);
        if (message.state() != MessageState.PUBLISHED) {
            throw conflict("Only a published message can be withdrawn; this one is " + message.state() + ".");
        }
        return MessageState.WITHDRAWN;
    }

    private static void mayDraft(Person person) {
        if (!person.consultant() && !person.lawyer()) {
            throw forbidden("Consultants and lawyers on the team draft and submit messages.");
        }
    }

    private static void signer(Subject message, Person person) {
        if (!person.lawyer()) {
            throw forbidden("Only a lawyer on the case's team signs off a message.");
        }
        if (message.current().authorId().equals(person.id())) {
            throw forbidden("You wrote this revision: another lawyer of the team must review it (four eyes).");
        }
    }

    private static void inReview(Subject message, int revision) {
        if (message.state() != MessageState.IN_REVIEW) {
            throw conflict("The message is not waiting for review; it is " + message.state() + ".");
        }
        current(message, revision);
    }

    private static void current(Subject message, int revision) {
        if (message.current().number() != revision) {
            throw conflict("Revision " + revision + " is not the current one (" + message.current().number() + ").");
        }
    }

    private static Refused forbidden(String reason) {
        return new Refused(true, reason);
    }

    private static Refused conflict(String reason) {
        return new Refused(false, reason);
    }
}
