package io.taskforce.legal;

import java.util.List;

/**
 * What a lawyer says a hostile publication is (DESIGN §4). Defamation (an attack on the honour of a person or company)
 * and denigration (criticism of products or services) lead to different clocks and courts; the qualification picks
 * the rules whose clocks start from the publication.
 */
public enum Qualification {
    DEFAMATION(List.of("press-defamation-3m", "right-of-reply-request-3m")),
    INSULT(List.of("press-defamation-3m", "right-of-reply-request-3m")),
    DISCRIMINATORY(List.of("press-discriminatory-1y", "right-of-reply-request-3m")),
    DENIGRATION(List.of("denigration-5y")),
    NOT_ACTIONABLE(List.of());

    /** Rules whose clocks only a qualified publication starts. */
    public static final List<String> PUBLICATION_RULES =
            List.of("press-defamation-3m", "press-discriminatory-1y", "right-of-reply-request-3m", "denigration-5y");

    private final List<String> rules;

    Qualification(List<String> rules) {
        this.rules = rules;
    }

    public List<String> rules() {
        return rules;
    }
}
