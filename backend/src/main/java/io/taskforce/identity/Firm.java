package io.taskforce.identity;

import java.util.Collection;
import java.util.Optional;

/** The three firms of the task force; a staff user's firm follows from their staff role. */
public enum Firm {
    COMMUNICATION(Role.CONSULTANT),
    LEGAL(Role.LAWYER),
    REPUTATION(Role.REPUTATION_SPECIALIST);

    private final String staffRole;

    Firm(String staffRole) {
        this.staffRole = staffRole;
    }

    public String staffRole() {
        return staffRole;
    }

    public static Optional<Firm> ofRoles(Collection<String> roles) {
        for (Firm firm : values()) {
            if (roles.contains(firm.staffRole)) {
                return Optional.of(firm);
            }
        }
        return Optional.empty();
    }
}
