package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Cases, as far as the transaction's actor may see them: row-level security limits every query to the staff
 * member's teams (and the intake queue) or to the client's tenant, and refuses to run with no actor bound.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CaseFileRepository extends CrudRepository<CaseFile, UUID> {

    /** The tenant and status of a case, and whether the member is on its team; empty when the actor may not see it. */
    @Query("select tenant_id, status, team @> array[cast(:member as text)] as on_team from case_file where id = :id")
    Optional<CaseKey> findKey(UUID id, String member);

    /** The caller's cases, newest first, after the keyset cursor (reported at, id); staff: those whose team holds them. */
    @Query("""
            select * from case_file
            where (cast(:member as text) is null or team @> array[cast(:member as text)])
              and (cast(:afterAt as timestamptz) is null or (reported_at, id) < (:afterAt, :afterId))
            order by reported_at desc, id desc limit :limit""")
    List<CaseFile> findRecent(@Nullable String member, @Nullable Instant afterAt, @Nullable UUID afterId, int limit);

    /** NEW cases of every tenant, oldest first: the intake queue. */
    @Query("""
            select * from case_file where status = 'NEW'
              and (cast(:afterAt as timestamptz) is null or (reported_at, id) > (:afterAt, :afterId))
            order by reported_at, id limit :limit""")
    List<CaseFile> findIntake(@Nullable Instant afterAt, @Nullable UUID afterId, int limit);

    @Query("select count(*) from case_file where status = 'NEW'")
    long countIntake();

    /** The member's cases counted by severity and status, for the staff home. */
    @Query("""
            select severity, status, count(*) as count from case_file where team @> array[cast(:member as text)]
            group by severity, status""")
    List<CaseCount> countOfMember(String member);
}
