package io.taskforce.legal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the rule routes answer. */
final class RuleViews {

    private RuleViews() {
    }

    /** A rule in its current version. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RuleView(String id, int version, String nameFr, String nameEn, String basis, String textVersion,
                    TriggerKind trigger, int amount, PeriodUnit unit, Counting counting, List<String> reminders,
                    Instant editedAt) {

        static RuleView of(RuleStore.Stored stored) {
            var r = stored.rule();
            return new RuleView(r.id(), r.version(), r.nameFr(), r.nameEn(), r.basis(), r.textVersion(), r.trigger(),
                    r.amount(), r.unit(), r.counting(), r.reminders(), stored.editedAt());
        }
    }

    /** The deadline calculator's answer (the fields are a contract: integrators script against them). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DeadlinePreview(String rule, LocalDate lastDay, Instant endsAt, boolean nonWorkingLastDay, String basis) {
    }
}
