package io.taskforce.messages;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * The blanks of a holding statement: date and place, confirmed facts, actions taken, time of the next update. Each
 * is one paragraph of plain words (no blank line, no placeholder): a lawyer's approval of the template covers
 * sentences of this shape filled in, not a new structure smuggled through a blank.
 */
@Serdeable
public record TemplateFills(
        @NotBlank @Size(max = 100) @Pattern(regexp = ONE_PARAGRAPH, message = MESSAGE) String date,
        @NotBlank @Size(max = 200) @Pattern(regexp = ONE_PARAGRAPH, message = MESSAGE) String place,
        @NotBlank @Size(max = 1000) @Pattern(regexp = ONE_PARAGRAPH, message = MESSAGE) String facts,
        @NotBlank @Size(max = 1000) @Pattern(regexp = ONE_PARAGRAPH, message = MESSAGE) String actions,
        @NotBlank @Size(max = 100) @Pattern(regexp = ONE_PARAGRAPH, message = MESSAGE) String nextUpdate) {

    static final String ONE_PARAGRAPH = "(?s)(?!.*\\n\\s*\\n)(?!.*\\{\\{)(?!.*[#>*_`\\[\\]]).*";
    static final String MESSAGE = "must be one paragraph of plain words (no blank line, no {{ }}, no Markdown)";

    Map<String, String> asMap() {
        return Map.of("date", date.strip(), "place", place.strip(), "facts", facts.strip(), "actions", actions.strip(),
                "next_update", nextUpdate.strip());
    }
}
