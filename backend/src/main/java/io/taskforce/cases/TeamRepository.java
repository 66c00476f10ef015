package io.taskforce.cases;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Case teams. Every change is followed by {@link #syncTeamColumn}, which the row-level security policies read. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TeamRepository extends GenericRepository<CaseFile, UUID> {

    @Query("""
            select m.user_id, coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.username) as name,
                   u.username, u.role,
                   case u.role when 'consultant' then 'COMMUNICATION' when 'lawyer' then 'LEGAL'
                               when 'reputation_specialist' then 'REPUTATION' end as firm,
                   m.workstream, m.lead
            from case_member m join user_account u on u.id = m.user_id
            where m.tenant_id = :tenantId and m.case_id = :caseId order by m.workstream, not m.lead, name""")
    List<TeamMember> findByCase(UUID tenantId, UUID caseId);

    @Query("""
            insert into case_member (tenant_id, case_id, user_id, workstream, lead, added_at)
            values (:tenantId, :caseId, :userId, :workstream, :lead, :at)
            on conflict (tenant_id, case_id, user_id) do update set workstream = excluded.workstream, lead = excluded.lead""")
    void put(UUID tenantId, UUID caseId, UUID userId, String workstream, boolean lead, Instant at);

    /** Steps down the current lead of a workstream, so that another can take the lead. */
    @Query("""
            update case_member set lead = false
            where tenant_id = :tenantId and case_id = :caseId and workstream = :workstream and lead and user_id <> :except""")
    void clearLead(UUID tenantId, UUID caseId, String workstream, UUID except);

    @Query("delete from case_member where tenant_id = :tenantId and case_id = :caseId and user_id = :userId")
    int remove(UUID tenantId, UUID caseId, UUID userId);

    /**
     * Puts the triaging consultant on the case row's team before anything else of the case is written: the
     * policies admit writes to a case's rows only from its team.
     */
    @Query("""
            update case_file set team = array_append(team, cast(:userId as text))
            where tenant_id = :tenantId and id = :caseId and not team @> array[cast(:userId as text)]""")
    void joinTeamColumn(UUID tenantId, UUID caseId, String userId);

    /** Copies the team's user ids onto the case row, in the same transaction. */
    @Query("""
            update case_file set team = array(select m.user_id::text from case_member m
                                              where m.tenant_id = case_file.tenant_id and m.case_id = case_file.id order by 1)
            where tenant_id = :tenantId and id = :caseId""")
    void syncTeamColumn(UUID tenantId, UUID caseId);
}
