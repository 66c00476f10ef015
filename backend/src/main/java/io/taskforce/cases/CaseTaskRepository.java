package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tasks of the cases the actor may see (row-level security). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CaseTaskRepository extends GenericRepository<CaseTask, UUID> {

    /** Inserts; the generated reads, updates and deletes by id alone are left out: each statement here names the tenant. */
    CaseTask save(CaseTask caseTask);

    String ROW = """
            select t.id, t.tenant_id, t.case_id, c.title as case_title, tn.name as tenant_name, t.workstream, t.title,
                   t.assignee_id, coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.username) as assignee_name,
                   t.due_at, t.status, t.origin, t.handoff_id, t.created_at
            from case_task t join case_file c on c.tenant_id = t.tenant_id and c.id = t.case_id
            join tenant tn on tn.id = t.tenant_id left join user_account u on u.id = t.assignee_id""";

    @Query(ROW + """
             where t.tenant_id = :tenantId and t.case_id = :caseId
            order by t.workstream, t.status in ('DONE', 'CANCELLED'), t.due_at nulls last, t.created_at""")
    List<TaskRow> findRowsByCase(UUID tenantId, UUID caseId);

    @Query(ROW + " where t.tenant_id = :tenantId and t.id = :id")
    List<TaskRow> findRow(UUID tenantId, UUID id);

    /**
     * The open tasks of an assignee across their cases, overdue first then by due date (undated last), after the
     * keyset cursor (due date or year 9999 when undated, id).
     */
    @Query("/* across tenants: a person's own open tasks, on the cases of every client they work for */ " + ROW + """
             where t.assignee_id = :assigneeId and t.status in ('OPEN', 'IN_PROGRESS')
              and (cast(:afterDue as timestamptz) is null
                   or (coalesce(t.due_at, make_timestamptz(9999, 12, 31, 0, 0, 0, 'UTC')), t.id) > (:afterDue, :afterId))
            order by coalesce(t.due_at, make_timestamptz(9999, 12, 31, 0, 0, 0, 'UTC')), t.id limit :limit""")
    List<TaskRow> findOpenOfAssignee(UUID assigneeId, @Nullable Instant afterDue, @Nullable UUID afterId, int limit);

    /** The locate step of a route that names a task: its case, which {@link CaseAccess} then checks. */
    @Query("""
            /* across tenants: locate the case of the task a route names; CaseAccess checks the caller next */
            select case_id from case_task where id = :id""")
    Optional<UUID> findCaseOf(UUID id);

    Optional<CaseTask> findByTenantIdAndId(UUID tenantId, UUID id);

    List<CaseTask> findByTenantIdAndHandoffId(UUID tenantId, UUID handoffId);

    /** Saves what may change of a task of this transaction's tenant: title, assignee, due date, status. */
    default void saveChanges(CaseTask changed) {
        updateTask(changed.tenantId(), changed.id(), changed.title(), changed.assigneeId(), changed.dueAt(),
                changed.status().name(), changed.doneAt());
    }

    @Query("""
            update case_task set title = :title, assignee_id = :assigneeId, due_at = :dueAt, status = :status,
                   done_at = :doneAt
            where tenant_id = :tenantId and id = :id""")
    void updateTask(UUID tenantId, UUID id, String title, @Nullable UUID assigneeId, @Nullable Instant dueAt,
                    String status, @Nullable Instant doneAt);

    /**
     * Tasks done and in all (cancelled ones left out) per case and workstream: the progress clients see. The cases
     * may be of several tenants: those tenants are named too.
     */
    @Query("""
            select case_id, workstream, count(*) filter (where status = 'DONE') as done, count(*) as total
            from case_task where tenant_id in (:tenantIds) and case_id in (:caseIds) and status <> 'CANCELLED'
            group by case_id, workstream""")
    List<TaskProgress> progressOf(Collection<UUID> tenantIds, Collection<UUID> caseIds);
}
