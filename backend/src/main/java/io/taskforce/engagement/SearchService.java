package io.taskforce.engagement;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.cases.CaseAccess;
import io.taskforce.identity.Caller;
import io.taskforce.platform.problem.ApiException;
import io.taskforce.platform.web.Page;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Search across the caller's cases, through {@link CaseAccess#readAcross}: staff over their teams' cases in every
 * tenant, a client over their own tenant's public content. Pages follow the rank, with a keyset (rank, id).
 */
@Singleton
class SearchService {

    static final int MAX_QUERY = 200;

    private final CaseAccess access;
    private final SearchStore store;

    SearchService(CaseAccess access, SearchStore store) {
        this.access = access;
        this.store = store;
    }

    Page<SearchHit> search(Caller caller, @Nullable String q, @Nullable String after, int limit) {
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("q: say what to search for.");
        }
        if (q.length() > MAX_QUERY) {
            throw ApiException.badRequest("q: at most " + MAX_QUERY + " characters.");
        }
        var cursor = Cursor.parse(after);
        var reach = caller.user().firm() != null ? SearchStore.Reach.teamsOf(caller.userId())
                : SearchStore.Reach.tenantOf(caller.user().tenantId());
        return access.readAcross(caller, () -> {
            var rows = store.search(q.strip(), reach, cursor == null ? null : cursor.rank(),
                    cursor == null ? null : cursor.id(), limit);
            var page = Page.of(rows, limit, r -> new Cursor(r.rank(), r.hit().id()).encode());
            return new Page<>(page.items().stream().map(SearchStore.Ranked::hit).toList(), page.next());
        });
    }

    /** The position after which the next page starts: the last hit's rank and id, opaque to callers. */
    record Cursor(float rank, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((Float.floatToIntBits(rank) + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(@Nullable String after) {
            if (after == null || after.isBlank()) {
                return null;
            }
            try {
                var parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\\|", 2);
                return new Cursor(Float.intBitsToFloat(Integer.parseInt(parts[0])), UUID.fromString(parts[1]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw ApiException.badRequest("The 'after' cursor is not one this API gave out.");
            }
        }
    }
}
