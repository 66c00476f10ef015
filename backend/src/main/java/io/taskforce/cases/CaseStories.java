package io.taskforce.cases;

import io.taskforce.identity.Caller;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tells every {@link CaseStory} listener of a moment of a case, in the caller's transaction. */
@Singleton
class CaseStories {

    private final List<CaseStory> listeners;

    CaseStories(List<CaseStory> listeners) {
        this.listeners = listeners;
    }

    void tell(Caller caller, CaseScope scope, CaseStory.Kind kind, Map<String, String> facts, Set<CrisisType> types) {
        var moment = new CaseStory.Moment(kind, Map.copyOf(facts), Set.copyOf(types));
        listeners.forEach(l -> l.told(caller, scope, moment));
    }
}
