package io.taskforce.cases;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The staff home's counts: the member's open cases by severity and all their cases by status; the intake queue. */
@Serdeable
record CasesSummary(List<SeverityCount> bySeverity, List<StatusCount> byStatus, long intakeWaiting) {

    @Serdeable
    record SeverityCount(int severity, long count) {
    }

    @Serdeable
    record StatusCount(CaseStatus status, long count) {
    }
}
