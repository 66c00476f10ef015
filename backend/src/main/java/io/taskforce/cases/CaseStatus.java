package io.taskforce.cases;

/** Where a case stands: reported, triaged, worked, watched, closed (and reopened). */
public enum CaseStatus {
    NEW, TRIAGED, ACTIVE, MONITORING, CLOSED
}
