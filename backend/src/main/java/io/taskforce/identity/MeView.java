package io.taskforce.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record MeView(String subject, String username, @Nullable String name, List<String> roles, @Nullable Firm firm,
              @Nullable TenantRef tenant) {

    @Serdeable
    record TenantRef(UUID id, String name) {
    }
}
