-- "My cases" reads across tenants (no tenant is bound), so lookups of a page of cases' workstreams and task
-- progress come by case id alone; the primary keys start with tenant_id and cannot serve them.
-- Measured in deploy/bench/README.md (cases load): without these, my-cases saturates near 50 req/s.
create index case_workstream_case on case_workstream (case_id, position);
create index case_task_progress on case_task (case_id, workstream) where status <> 'CANCELLED';
create index case_member_case on case_member (case_id, user_id);
create index case_clock_proposal_case on case_clock_proposal (case_id);
