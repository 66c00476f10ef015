package io.taskforce.cases;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The workstreams of cases; row-level security limits them to the cases the actor may see. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface WorkstreamRepository extends GenericRepository<CaseFile, UUID> {

    /** The workstreams of several cases, which may be of several tenants: those tenants are named too. */
    @Query("""
            select case_id, workstream, position, status from case_workstream
            where tenant_id in (:tenantIds) and case_id in (:caseIds) order by case_id, position""")
    List<WorkstreamState> findByCases(Collection<UUID> tenantIds, Collection<UUID> caseIds);

    @Query("""
            select case_id, workstream, position, status from case_workstream
            where tenant_id = :tenantId and case_id = :caseId order by position""")
    List<WorkstreamState> findByCase(UUID tenantId, UUID caseId);

    @Query("delete from case_workstream where tenant_id = :tenantId and case_id = :caseId")
    void deleteByCase(UUID tenantId, UUID caseId);

    @Query("""
            insert into case_workstream (tenant_id, case_id, workstream, position, status)
            values (:tenantId, :caseId, :workstream, :position, :status)""")
    void add(UUID tenantId, UUID caseId, String workstream, int position, String status);

    @Query("""
            update case_workstream set status = :status
            where tenant_id = :tenantId and case_id = :caseId and workstream = :workstream""")
    int updateStatus(UUID tenantId, UUID caseId, String workstream, String status);
}
