package io.taskforce.identity;

/** Realm roles issued by Keycloak; the names are the role names in the token. */
public final class Role {
    public static final String CONSULTANT = "consultant";
    public static final String LAWYER = "lawyer";
    public static final String REPUTATION_SPECIALIST = "reputation_specialist";
    public static final String CLIENT = "client";
    public static final String PLATFORM_ADMIN = "platform_admin";

    private Role() {
    }
}
