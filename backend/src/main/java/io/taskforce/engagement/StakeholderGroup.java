package io.taskforce.engagement;

/** The groups and bodies a crisis concerns (DESIGN §1). */
public enum StakeholderGroup {
    CUSTOMERS, EMPLOYEES, REGULATOR, MEDIA, AUTHORITIES, INVESTORS, SUPPLIERS, PUBLIC, ELECTED_OFFICIALS
}
