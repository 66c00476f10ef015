package io.taskforce.support

/**
 * A message taken through the sign-off gate the API's way — drafted and submitted by the consultant, approved by the
 * lawyer, published by the consultant — for specs that need a published message rather than test the gate.
 */
final class MessageGate {

    /** Publishes a new message with {@code draft} (the create body) on the case; returns its id. */
    static String published(Api api, String caseId, Map draft) {
        def created = api.post("/api/v1/cases/${caseId}/messages", Tokens.of('consultant'), draft)
        assert created.status == 201
        def revision = created.json.currentRevision
        api.post("/api/v1/messages/${created.json.id}/submit", Tokens.of('consultant'), [revision: 1])
        api.post("/api/v1/messages/${created.json.id}/approve", Tokens.of('lawyer'), [revision: 1, sha256: revision.sha256])
        assert api.post("/api/v1/messages/${created.json.id}/publish", Tokens.of('consultant'), [revision: 1, sha256: revision.sha256]).status == 200
        created.json.id
    }
}
