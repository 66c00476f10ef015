package io.taskforce.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * One search result: the case, what matched (its kind and id), and a snippet of the matched text in which each
 * match is wrapped in {@code <mark>…</mark>}. The snippet is plain text otherwise: show it as text, splitting on
 * those two markers, never as HTML.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchHit(UUID caseId, String caseTitle, Kind kind, UUID id, String snippet) {

    public enum Kind { CASE, LOG_ENTRY, TASK, STAKEHOLDER, RUMOUR }
}
