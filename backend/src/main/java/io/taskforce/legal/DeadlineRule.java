package io.taskforce.legal;

import java.time.Instant;
import java.util.List;

/**
 * One deadline rule as data, in one version: its stable id (integrators use it), names, the legal basis and the
 * version of the text it follows, what triggers it, its duration and counting convention, and its reminder schedule.
 * A clock keeps the version it started with; an edit makes the next version. Pure.
 */
public record DeadlineRule(String id, int version, String nameFr, String nameEn, String basis, String textVersion,
                           TriggerKind trigger, int amount, PeriodUnit unit, Counting counting, List<String> reminders) {

    public DeadlineRule {
        reminders = List.copyOf(reminders);
    }

    public Deadline deadlineFrom(Instant triggerAt) {
        return DeadlineCalculator.compute(amount, unit, counting, triggerAt);
    }

    public List<ReminderSchedule.Reminder> remindersFrom(Instant triggerAt) {
        return ReminderSchedule.plan(reminders, triggerAt, deadlineFrom(triggerAt).endsAt());
    }
}
