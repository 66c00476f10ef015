package io.taskforce.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What the routing rules propose for a case; the consultant adjusts it before confirming. */
public record TriageOutcome(Set<CrisisType> crisisTypes, Cluster cluster, int severity, Kinetics kinetics, Phase phase,
                            List<Workstream> workstreams, List<Clock> clocks, List<Task> tasks) {

    /** A legal clock to start, with its trigger date taken from the intake. */
    public record Clock(ClockRule rule, Instant triggerAt) {
    }

    /** A first-hour task: a catalogue code (its title in each language), its workstream and how soon it is due. */
    public record Task(String code, Workstream workstream, Duration dueIn) {
    }
}
