package io.taskforce.engagement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.platform.web.Page;

@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @Get("/search")
    @Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST, Role.CLIENT})
    @Operation(operationId = "search", summary = "Full-text search (French and English, accents ignored) over your cases: "
            + "titles and summaries, running-log entries, tasks, stakeholders and rumours; clients search their "
            + "tenant's public content. Matches are wrapped in <mark>…</mark> in each snippet.")
    Page<SearchHit> search(Caller caller, @QueryValue @Nullable String q, @QueryValue @Nullable String after,
                           @QueryValue @Nullable Integer limit) {
        return search.search(caller, q, after, Page.limit(limit == null ? 20 : limit));
    }
}
