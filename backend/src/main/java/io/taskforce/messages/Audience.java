package io.taskforce.messages;

import java.util.Collection;
import java.util.Set;

/** The stakeholder groups a message speaks to. */
public enum Audience {
    CUSTOMERS, EMPLOYEES, REGULATOR, MEDIA, AUTHORITIES, INVESTORS, SUPPLIERS, PUBLIC, ELECTED_OFFICIALS;

    /** The groups that read as the general public: plain words and empathy matter most for them. */
    private static final Set<Audience> GENERAL_PUBLIC = Set.of(CUSTOMERS, PUBLIC, EMPLOYEES);

    static boolean includesGeneralPublic(Collection<Audience> audience) {
        return audience.stream().anyMatch(GENERAL_PUBLIC::contains);
    }
}
