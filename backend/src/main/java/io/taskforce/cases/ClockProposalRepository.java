package io.taskforce.cases;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The legal clocks triage proposed for a case, with their trigger dates. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ClockProposalRepository extends GenericRepository<CaseFile, UUID> {

    @Query("""
            select rule, trigger_at from case_clock_proposal
            where tenant_id = :tenantId and case_id = :caseId order by trigger_at, rule""")
    List<ProposedClock> findByCase(UUID tenantId, UUID caseId);

    @Query("delete from case_clock_proposal where tenant_id = :tenantId and case_id = :caseId")
    void deleteByCase(UUID tenantId, UUID caseId);

    @Query("insert into case_clock_proposal (tenant_id, case_id, rule, trigger_at) values (:tenantId, :caseId, :rule, :triggerAt)")
    void add(UUID tenantId, UUID caseId, String rule, Instant triggerAt);
}
