package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Tasks of the cases the actor may see (row-level security). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CaseTaskRepository extends CrudRepository<CaseTask, UUID> {

    String ROW = """
            select t.id, t.tenant_id, t.case_id, c.title as case_title, tn.name as tenant_name, t.workstream, t.title,
                   t.assignee_id, coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.username) as assignee_name,
                   t.due_at, t.status, t.origin, t.handoff_id, t.created_at
            from case_task t join case_file c on c.tenant_id = t.tenant_id and c.id = t.case_id
            join tenant tn on tn.id = t.tenant_id left join user_account u on u.id = t.assignee_id""";

    @Query(ROW + " where t.case_id = :caseId order by t.workstream, t.status in ('DONE', 'CANCELLED'), t.due_at nulls last, t.created_at")
    List<TaskRow> findRowsByCase(UUID caseId);

    @Query(ROW + " where t.id = :id")
    List<TaskRow> findRow(UUID id);

    /**
     * The open tasks of an assignee across their cases, overdue first then by due date (undated last), after the
     * keyset cursor (due date or year 9999 when undated, id).
     */
    @Query(ROW + """
             where t.assignee_id = :assigneeId and t.status in ('OPEN', 'IN_PROGRESS')
              and (cast(:afterDue as timestamptz) is null
                   or (coalesce(t.due_at, make_timestamptz(9999, 12, 31, 0, 0, 0, 'UTC')), t.id) > (:afterDue, :afterId))
            order by coalesce(t.due_at, make_timestamptz(9999, 12, 31, 0, 0, 0, 'UTC')), t.id limit :limit""")
    List<TaskRow> findOpenOfAssignee(UUID assigneeId, @Nullable Instant afterDue, @Nullable UUID afterId, int limit);

    List<CaseTask> findByHandoffId(UUID handoffId);

    /** Tasks done and in all (cancelled ones left out) per case and workstream: the progress clients see. */
    @Query("""
            select case_id, workstream, count(*) filter (where status = 'DONE') as done, count(*) as total
            from case_task where case_id in (:caseIds) and status <> 'CANCELLED' group by case_id, workstream""")
    List<TaskProgress> progressOf(Collection<UUID> caseIds);
}
