package io.taskforce.notify;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields an announcement carries (caseTitle, tenantName, actorName, detail) as they are stored with an intent,
 * a notification and a delivery: a JSON object of strings, written once here and read back here.
 */
@Singleton
class AnnouncementParams {

    private final JsonMapper json;

    AnnouncementParams(JsonMapper json) {
        this.json = json;
    }

    String write(Map<String, String> params) {
        try {
            return json.writeValueAsString(params);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> read(String raw) {
        try {
            var params = new LinkedHashMap<String, String>();
            for (var entry : json.readValue(raw, JsonNode.class).entries()) {
                if (!entry.getValue().isNull()) {
                    params.put(entry.getKey(), entry.getValue().coerceStringValue());
                }
            }
            return params;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
