package io.taskforce.legal;

import jakarta.inject.Singleton;

import java.time.LocalDate;

/**
 * The legal rules as other workstreams read them: the last day of a period by the current version of a rule, so that
 * a date shown outside the legal workstream (a de-listing request's answer, followed by the reputation agency) is the
 * date the lawyers' clock shows. Rules are platform data: no tenant is involved.
 */
@Singleton
public class RuleBook {

    private final RuleStore rules;

    RuleBook(RuleStore rules) {
        this.rules = rules;
    }

    /** The last day of the rule's period for a trigger on that day (at its start, Europe/Paris). */
    public LocalDate lastDay(String ruleId, LocalDate triggerDay) {
        var rule = rules.current(ruleId).orElseThrow(() -> new IllegalStateException("No legal rule " + ruleId)).rule();
        return rule.deadlineFrom(triggerDay.atStartOfDay(DeadlineCalculator.PARIS).toInstant()).lastDay();
    }
}
