package io.taskforce.engagement;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/** What a case report says, read in one transaction; the client's version is read with the internal parts empty. */
record ReportData(String language, String tenantName, String title, String summary, String status, @Nullable String phase,
                  List<String> crisisTypes, @Nullable Integer severity, @Nullable String kinetics,
                  @Nullable Instant triagedAt, List<Member> team, List<Progress> progress, List<LogEntryView> timeline,
                  List<StakeholderView> stakeholders, List<Task> tasks, List<RumourView> openRumours, boolean forClient,
                  Instant generatedAt) {

    record Member(String name, String workstream, boolean lead) {
    }

    record Progress(String workstream, int done, int total) {
    }

    record Task(String title, String workstream, String status, @Nullable String assignee, @Nullable Instant dueAt) {
    }
}
