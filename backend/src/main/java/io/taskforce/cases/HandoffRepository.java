package io.taskforce.cases;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface HandoffRepository extends GenericRepository<Handoff, UUID> {

    /** Inserts; the generated reads, updates and deletes by id alone are left out: each statement here names the tenant. */
    Handoff save(Handoff handoff);

    @Query("select * from case_handoff where tenant_id = :tenantId and case_id = :caseId order by created_at desc")
    List<Handoff> findByCase(UUID tenantId, UUID caseId);

    /** The locate step of a route that names a hand-off: its case, which {@link CaseAccess} then checks. */
    @Query("""
            /* across tenants: locate the case of the hand-off a route names; CaseAccess checks the caller next */
            select case_id from case_handoff where id = :id""")
    Optional<UUID> findCaseOf(UUID id);

    Optional<Handoff> findByTenantIdAndId(UUID tenantId, UUID id);

    /** Saves the answer given to a hand-off of this transaction's tenant (see {@link Handoff#answered}). */
    default Handoff saveAnswer(Handoff answered) {
        updateAnswer(answered.tenantId(), answered.id(), answered.status().name(), answered.reply(),
                answered.answeredBy(), answered.answeredAt());
        return answered;
    }

    @Query("""
            update case_handoff set status = :status, reply = :reply, answered_by = :answeredBy, answered_at = :answeredAt
            where tenant_id = :tenantId and id = :id""")
    void updateAnswer(UUID tenantId, UUID id, String status, String reply, UUID answeredBy, Instant answeredAt);
}
