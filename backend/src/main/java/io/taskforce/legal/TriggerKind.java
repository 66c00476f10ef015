package io.taskforce.legal;

/** What starts a rule's period (DESIGN §4). */
public enum TriggerKind {
    FIRST_PUBLICATION, PUBLICATION, KNOWLEDGE_OF_FACTS, AWARENESS_OF_BREACH, EMPLOYER_KNOWLEDGE, RECEIPT_OF_REQUEST
}
