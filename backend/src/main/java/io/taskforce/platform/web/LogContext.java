package io.taskforce.platform.web;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;

import java.util.HashMap;
import java.util.Map;

/**
 * The logging context of a request (request, user and tenant ids), carried by Micronaut's propagated context
 * to whichever thread runs the request, so every log line of it says whose request it was.
 */
public final class LogContext {

    private LogContext() {
    }

    public static void add(MutablePropagatedContext context, Map<String, String> entries) {
        var existing = context.getContext().find(MdcPropagationContext.class);
        var merged = new HashMap<String, String>(existing.map(MdcPropagationContext::state).orElse(Map.of()));
        merged.putAll(entries);
        if (existing.isPresent()) {
            context.replace(existing.get(), new MdcPropagationContext(merged));
        } else {
            context.add(new MdcPropagationContext(merged));
        }
    }
}
