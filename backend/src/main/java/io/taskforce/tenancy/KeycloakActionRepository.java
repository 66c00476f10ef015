package io.taskforce.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The intents of {@link KeycloakAction}: written with the change, read for the admin's lists, outcomes recorded. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface KeycloakActionRepository extends GenericRepository<KeycloakAction, UUID> {

    @Query("""
            insert into keycloak_action (id, user_id, tenant, action)
            values (gen_random_uuid(), :userId, :tenant, :action)""")
    void enqueue(UUID userId, @Nullable UUID tenant, String action);

    /** A newer invitation replaces one still waiting (not claimed right now), so that one e-mail goes, not two. */
    @Query("""
            update keycloak_action set status = 'SUPERSEDED', done_at = now()
            where user_id = :userId and action = 'SEND_INVITATION' and status = 'PENDING'
              and (claimed_until is null or claimed_until < now())""")
    void supersedeInvitations(UUID userId);

    /** The latest invitation of each of these people (none for those never invited, like the demo users). */
    @Query("""
            select distinct on (user_id) * from keycloak_action
            where action = 'SEND_INVITATION' and user_id in (:userIds)
            order by user_id, created_at desc, id""")
    List<KeycloakAction> latestInvitations(Collection<UUID> userIds);

    @Query("""
            select * from keycloak_action where action = 'SEND_INVITATION' and user_id = :userId
            order by created_at desc, id limit 1""")
    Optional<KeycloakAction> latestInvitation(UUID userId);

    @Query("update keycloak_action set status = 'DONE', done_at = now(), claimed_until = null where id = :id")
    void done(UUID id);

    /** A failed attempt: due again after {@code delayMillis}, or given up ({@code status} FAILED). */
    @Query("""
            update keycloak_action set status = :status, last_error = left(:error, 500), claimed_until = null,
                   next_attempt_at = now() + :delayMillis * interval '1 millisecond',
                   done_at = case when :status = 'FAILED' then now() end
            where id = :id""")
    void failed(UUID id, String status, String error, long delayMillis);
}
