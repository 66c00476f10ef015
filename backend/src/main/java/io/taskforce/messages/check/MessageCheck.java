package io.taskforce.messages.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The message check (DESIGN §5): every rule run over a revision's words; warnings only, it never blocks. Pure code,
 * run when a revision is read, so a better rule applies to old revisions too.
 */
public final class MessageCheck {

    private static final List<CheckRule> RULES = rules();

    private MessageCheck() {
    }

    public static List<CheckWarning> run(CheckedText text) {
        var warnings = new ArrayList<CheckWarning>();
        for (var rule : RULES) {
            rule.check(text).ifPresent(warnings::add);
        }
        return List.copyOf(warnings);
    }

    private static List<CheckRule> rules() {
        var rules = new ArrayList<CheckRule>(CrisisFaults.rules());
        rules.add(NamedNearRule.namingVictims());
        rules.add(NamedNearRule.defamation());
        rules.add(new EmpathyRule());
        rules.add(new AudienceFitRule());
        return List.copyOf(rules);
    }
}
