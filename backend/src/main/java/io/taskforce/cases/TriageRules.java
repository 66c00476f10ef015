package io.taskforce.cases;

import io.taskforce.cases.TriageOutcome.Clock;
import io.taskforce.cases.TriageOutcome.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static io.taskforce.cases.CrisisType.*;
import static io.taskforce.cases.Workstream.COMMUNICATION;
import static io.taskforce.cases.Workstream.LEGAL;
import static io.taskforce.cases.Workstream.REPUTATION;

/**
 * The routing table of DESIGN §3 as a pure function of the facts. Every row whose facts hold adds its
 * workstreams, clocks and first-hour tasks. The lead is the first workstream of the first row that holds: rows
 * are in order of legal urgency (a 72-hour GDPR clock outranks a three-month press-law one), and the consultant
 * can change it. With no row holding, the consultancy takes the case alone.
 */
public final class TriageRules {

    private static final Duration FIRST_HOUR = Duration.ofHours(1);
    private static final Duration SAME_DAY = Duration.ofHours(4);
    private static final Duration NEXT_DAY = Duration.ofHours(24);
    private static final Duration TWO_DAYS = Duration.ofHours(48);
    private static final Duration THREE_DAYS = Duration.ofHours(72);

    private static final Set<CrisisType> PHYSICAL = EnumSet.of(INDUSTRIAL_ACCIDENT, PRODUCT_SAFETY, OUTAGE);
    private static final Set<CrisisType> FAST_TYPES = EnumSet.of(DATA_BREACH, INDUSTRIAL_ACCIDENT, PRODUCT_SAFETY, OUTAGE, BAD_BUZZ);
    private static final List<Task> HOSTILE_TASKS = List.of(
            new Task("captureEvidence", LEGAL, SAME_DAY), new Task("identifyAuthor", LEGAL, NEXT_DAY),
            new Task("listUrls", REPUTATION, SAME_DAY), new Task("trackedQueries", REPUTATION, NEXT_DAY));

    /** One row of the table: when it holds, what it routes to, which clocks it starts, which tasks it creates. */
    private record Row(Predicate<Input> holds, List<Workstream> workstreams, List<ClockRule> clocks, List<Task> tasks) {
    }

    private record Input(TriageFacts facts, Set<CrisisType> types, Kinetics kinetics) {
        boolean has(CrisisType type) {
            return types.contains(type);
        }
    }

    private static final List<Row> ROWS = List.of(
            // personal data lost, leaked or unavailable
            new Row(in -> in.has(DATA_BREACH), List.of(LEGAL, COMMUNICATION), List.of(ClockRule.GDPR_BREACH_NOTIFICATION),
                    List.of(new Task("qualifyBreach", LEGAL, SAME_DAY), new Task("draftCnilNotification", LEGAL, TWO_DAYS),
                            new Task("decideDataSubjects", LEGAL, TWO_DAYS), new Task("holdingStatement", COMMUNICATION, FIRST_HOUR))),
            // hostile publication online (defamation, insult); communication joins when it spreads fast
            new Row(in -> in.has(DEFAMATION), List.of(LEGAL, REPUTATION),
                    List.of(ClockRule.DEFAMATION_LIMITATION, ClockRule.RIGHT_OF_REPLY_REQUEST), HOSTILE_TASKS),
            new Row(in -> in.has(DEFAMATION) && in.kinetics() == Kinetics.FAST, List.of(COMMUNICATION), List.of(),
                    List.of(new Task("holdingStatement", COMMUNICATION, FIRST_HOUR))),
            new Row(in -> in.has(DISCRIMINATORY_DEFAMATION), List.of(LEGAL, REPUTATION),
                    List.of(ClockRule.DISCRIMINATORY_DEFAMATION_LIMITATION), HOSTILE_TASKS),
            new Row(in -> in.has(DENIGRATION), List.of(LEGAL, REPUTATION), List.of(ClockRule.DENIGRATION_LIMITATION), HOSTILE_TASKS),
            new Row(in -> in.facts().suspectedAuthor() == SuspectedAuthor.EMPLOYEE, List.of(LEGAL),
                    List.of(ClockRule.DISCIPLINARY_ACTION), List.of(new Task("hrCoordination", LEGAL, NEXT_DAY))),
            new Row(in -> in.facts().suspectedAuthor() == SuspectedAuthor.COMPETITOR, List.of(LEGAL), List.of(),
                    List.of(new Task("commercialCourt", LEGAL, THREE_DAYS))),
            new Row(in -> in.types().stream().anyMatch(PHYSICAL::contains), List.of(COMMUNICATION, LEGAL), List.of(),
                    List.of(new Task("crisisCell", COMMUNICATION, FIRST_HOUR), new Task("holdingStatement", COMMUNICATION, FIRST_HOUR),
                            new Task("stakeholderMap", COMMUNICATION, SAME_DAY), new Task("regulatorContact", LEGAL, SAME_DAY))),
            new Row(in -> in.has(BAD_BUZZ), List.of(COMMUNICATION, REPUTATION), List.of(),
                    List.of(new Task("logRumours", COMMUNICATION, FIRST_HOUR), new Task("debunkFast", COMMUNICATION, SAME_DAY),
                            new Task("legalReviewOfReplies", COMMUNICATION, SAME_DAY))),
            new Row(in -> in.has(LEGACY_SEARCH_RESULTS), List.of(REPUTATION), List.of(),
                    List.of(new Task("trackedQueries", REPUTATION, NEXT_DAY), new Task("firstSerpSnapshot", REPUTATION, NEXT_DAY),
                            new Task("cleanupPlan", REPUTATION, THREE_DAYS))));

    private TriageRules() {
    }

    public static TriageOutcome propose(TriageFacts facts) {
        Set<CrisisType> types = facts.crisisTypes().isEmpty() ? inferTypes(facts) : EnumSet.copyOf(facts.crisisTypes());
        Kinetics kinetics = facts.kinetics() != null ? facts.kinetics() : inferKinetics(types);
        var input = new Input(facts, types, kinetics);

        var workstreams = new LinkedHashSet<Workstream>();
        var clocks = new LinkedHashMap<ClockRule, Clock>();
        var tasks = new LinkedHashMap<String, Task>();
        for (Row row : ROWS) {
            if (row.holds().test(input)) {
                workstreams.addAll(row.workstreams());
                row.clocks().forEach(rule -> clocks.putIfAbsent(rule, new Clock(rule, triggerOf(rule, facts))));
                row.tasks().forEach(task -> tasks.putIfAbsent(task.code() + "/" + task.workstream(), task));
            }
        }
        if (workstreams.isEmpty()) {
            workstreams.add(COMMUNICATION);
            tasks.put("crisisCell", new Task("crisisCell", COMMUNICATION, FIRST_HOUR));
        }
        return new TriageOutcome(types, clusterOf(types), severityOf(facts, types, kinetics), kinetics, phaseOf(types),
                List.copyOf(workstreams), List.copyOf(clocks.values()), orderedByDue(tasks));
    }

    /** Before the consultant names them: personal data means a breach, hostile publications mean defamation. */
    static Set<CrisisType> inferTypes(TriageFacts facts) {
        var types = EnumSet.noneOf(CrisisType.class);
        if (facts.personalData()) {
            types.add(DATA_BREACH);
        }
        if (facts.hostilePublications()) {
            types.add(DEFAMATION);
        }
        return types;
    }

    static Kinetics inferKinetics(Set<CrisisType> types) {
        return types.stream().anyMatch(FAST_TYPES::contains) ? Kinetics.FAST : Kinetics.SLOW;
    }

    /** The cluster of the most responsibility any type carries: a recall outweighs an outage, which outweighs a rumour. */
    static Cluster clusterOf(Set<CrisisType> types) {
        if (types.contains(PRODUCT_SAFETY)) {
            return Cluster.PREVENTABLE;
        }
        if (types.contains(INDUSTRIAL_ACCIDENT) || types.contains(OUTAGE)) {
            return Cluster.ACCIDENTAL;
        }
        return Cluster.VICTIM;
    }

    /** 1 is the most severe: personal data, a fast crisis and physical harm each raise a base level of 3. */
    static int severityOf(TriageFacts facts, Set<CrisisType> types, Kinetics kinetics) {
        int severity = 3;
        if (facts.personalData() || types.contains(DATA_BREACH)) {
            severity--;
        }
        if (kinetics == Kinetics.FAST) {
            severity--;
        }
        if (types.contains(INDUSTRIAL_ACCIDENT) || types.contains(PRODUCT_SAFETY)) {
            severity--;
        }
        return Math.max(1, severity);
    }

    static Phase phaseOf(Set<CrisisType> types) {
        return types.equals(EnumSet.of(LEGACY_SEARCH_RESULTS)) ? Phase.AFTERMATH : Phase.HOT;
    }

    /**
     * The trigger date of a clock from the intake. Press-law clocks run from the first publication; without one,
     * the earliest date the report gives (a later trigger would give a deadline later than the real one). The
     * breach runs from awareness, disciplinary action from the employer's knowledge: at the latest, the report.
     */
    static Instant triggerOf(ClockRule rule, TriageFacts facts) {
        Instant earliest = facts.occurredAt() != null ? facts.occurredAt() : facts.reportedAt();
        return switch (rule) {
            case DEFAMATION_LIMITATION, DISCRIMINATORY_DEFAMATION_LIMITATION, RIGHT_OF_REPLY_REQUEST, DENIGRATION_LIMITATION ->
                    facts.firstPublishedAt() != null ? facts.firstPublishedAt() : earliest;
            case GDPR_BREACH_NOTIFICATION -> earliest;
            case DISCIPLINARY_ACTION -> facts.reportedAt();
        };
    }

    private static List<Task> orderedByDue(Map<String, Task> tasks) {
        var list = new ArrayList<>(tasks.values());
        list.sort((a, b) -> a.dueIn().compareTo(b.dueIn()));
        return List.copyOf(list);
    }
}
