package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Cases. Each statement names the tenant of the cases it touches, or says why it spans tenants (the locate step, the
 * intake queue, a staff member's cases); row-level security, the second wall, still limits every one to the staff
 * member's teams (and the intake queue) or to the client's tenant, and refuses to run with no actor bound.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CaseFileRepository extends GenericRepository<CaseFile, UUID> {

    /** Inserts; the generated reads, updates and deletes by id alone are left out: each statement here names the tenant. */
    CaseFile save(CaseFile caseFile);

    /**
     * The tenant and status of a case, and whether the member is on its team; empty when the actor may not see it.
     * The locate step of {@link CaseAccess}: the caller's tenant is not known before it, and access is checked after.
     */
    @Query("""
            /* across tenants: locate the case a route names; CaseAccess checks the caller may act on it next */
            select tenant_id, status, team @> array[cast(:member as text)] as on_team from case_file where id = :id""")
    Optional<CaseKey> findKey(UUID id, String member);

    Optional<CaseFile> findByTenantIdAndId(UUID tenantId, UUID id);

    /** A staff member's cases, newest first, after the keyset cursor (reported at, id): those whose team holds them. */
    @Query("""
            /* across tenants: a staff member's cases, of every client whose case team holds them */
            select * from case_file
            where team @> array[cast(:member as text)]
              and (cast(:afterAt as timestamptz) is null or (reported_at, id) < (:afterAt, :afterId))
            order by reported_at desc, id desc limit :limit""")
    List<CaseFile> findOfMember(String member, @Nullable Instant afterAt, @Nullable UUID afterId, int limit);

    /** A tenant's cases, newest first, after the keyset cursor (reported at, id): what its clients see. */
    @Query("""
            select * from case_file
            where tenant_id = :tenantId
              and (cast(:afterAt as timestamptz) is null or (reported_at, id) < (:afterAt, :afterId))
            order by reported_at desc, id desc limit :limit""")
    List<CaseFile> findOfTenant(UUID tenantId, @Nullable Instant afterAt, @Nullable UUID afterId, int limit);

    /** NEW cases of every tenant, oldest first: the intake queue. */
    @Query("""
            /* across tenants: the intake queue, NEW cases of every client for staff to triage */
            select * from case_file where status = 'NEW'
              and (cast(:afterAt as timestamptz) is null or (reported_at, id) > (:afterAt, :afterId))
            order by reported_at, id limit :limit""")
    List<CaseFile> findIntake(@Nullable Instant afterAt, @Nullable UUID afterId, int limit);

    @Query("/* across tenants: the length of the intake queue, NEW cases of every client */ select count(*) from case_file where status = 'NEW'")
    long countIntake();

    /** The member's cases counted by severity and status, for the staff home. */
    @Query("""
            /* across tenants: a staff member's cases, of every client whose case team holds them */
            select severity, status, count(*) as count from case_file where team @> array[cast(:member as text)]
            group by severity, status""")
    List<CaseCount> countOfMember(String member);

    /** Saves a new status of the case read in this transaction; its version is checked and moved on, as by an entity update. */
    default CaseFile saveStatus(CaseFile read, CaseStatus next) {
        return reloaded(read, updateStatus(read.tenantId(), read.id(), read.version(), next.name()));
    }

    /** Saves what triage settled on the case read in this transaction (see {@link CaseFile#triaged}). */
    default CaseFile saveTriage(CaseFile triaged) {
        return reloaded(triaged, updateTriage(triaged.tenantId(), triaged.id(), triaged.version(), triaged.crisisTypes(),
                triaged.cluster().name(), triaged.severity(), triaged.kinetics().name(), triaged.phase().name(),
                triaged.triagedAt()));
    }

    private CaseFile reloaded(CaseFile read, int updated) {
        if (updated == 0) {
            throw new OptimisticLockException("The case " + read.id() + " was changed meanwhile.");
        }
        return findByTenantIdAndId(read.tenantId(), read.id()).orElseThrow();
    }

    @Query("""
            update case_file set status = :status, version = version + 1
            where tenant_id = :tenantId and id = :id and version = :version""")
    int updateStatus(UUID tenantId, UUID id, int version, String status);

    @Query("""
            update case_file set status = 'TRIAGED', crisis_types = :crisisTypes, cluster = :cluster,
                   severity = :severity, kinetics = :kinetics, phase = :phase, triaged_at = :triagedAt,
                   version = version + 1
            where tenant_id = :tenantId and id = :id and version = :version""")
    int updateTriage(UUID tenantId, UUID id, int version, @TypeDef(type = DataType.STRING_ARRAY) String[] crisisTypes,
                     String cluster, int severity, String kinetics, String phase, Instant triagedAt);
}
