package io.taskforce.legal;

import io.taskforce.cases.ClockRule;

/** The rule id of each clock triage proposes. */
final class TriageClocks {

    private TriageClocks() {
    }

    static String ruleOf(ClockRule proposed) {
        return switch (proposed) {
            case DEFAMATION_LIMITATION -> "press-defamation-3m";
            case DISCRIMINATORY_DEFAMATION_LIMITATION -> "press-discriminatory-1y";
            case RIGHT_OF_REPLY_REQUEST -> "right-of-reply-request-3m";
            case DENIGRATION_LIMITATION -> "denigration-5y";
            case GDPR_BREACH_NOTIFICATION -> "gdpr-breach-72h";
            case DISCIPLINARY_ACTION -> "disciplinary-2m";
        };
    }
}
