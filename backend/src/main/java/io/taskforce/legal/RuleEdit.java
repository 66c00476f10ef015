package io.taskforce.legal;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A platform admin's edit of a rule: every field of the next version (the id and trigger stay). */
@Serdeable
record RuleEdit(@NotBlank @Size(max = 200) String nameFr, @NotBlank @Size(max = 200) String nameEn,
                    @NotBlank @Size(max = 300) String basis, @NotBlank @Size(max = 200) String textVersion,
                    @NotNull @Min(1) @Max(1000) Integer amount, @NotNull PeriodUnit unit, @NotNull Counting counting,
                    @NotNull @Size(max = 10) List<@NotBlank @Size(max = 20) String> reminders) {
}
