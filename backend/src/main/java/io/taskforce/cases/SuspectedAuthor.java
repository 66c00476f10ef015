package io.taskforce.cases;

/** Who is suspected to be behind hostile publications, as the reporter sees it. */
public enum SuspectedAuthor {
    EMPLOYEE, COMPETITOR, UNKNOWN, NONE
}
