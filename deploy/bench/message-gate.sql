-- pgbench script: one message approved by the team's lawyer, then published by the consultant, as two
-- transactions issuing the statements MessageService issues (see MessageGateBenchmark). Variables (-D): tenant,
-- case, lawyer, consultant, sha256. Messages are numbered by a sequence; their ids are md5('pg-' || n)::uuid.
-- The audit hash is computed by PostgreSQL (sha256()) where the application computes it in Java.
select nextval('gate_bench_seq') as n \gset

-- approve
begin;
select set_config('app.actor', 'staff', true), set_config('app.user_id', :lawyer::text, true);
select case_id, tenant_id from message where id = md5('pg-' || :n::text)::uuid;
select set_config('app.tenant_id', :tenant::text, true);
select id, tenant_id, status, team from case_file where id = :case::uuid;
select user_id, workstream, lead from case_member where case_id = :case::uuid;
select id, tenant_id, case_id, kind, state, current_revision, template_id, created_by, created_at, updated_at, published_at, withdrawn_at
  from message where id = md5('pg-' || :n::text)::uuid for update;
select r.number, r.title, r.body, r.channels, r.audience, r.language, r.sha256, r.author_id,
       coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.username), r.created_at, r.template_id
  from message_revision r join user_account u on u.id = r.author_id where r.message_id = md5('pg-' || :n::text)::uuid and r.number = 1;
select a.revision, a.sha256, a.lawyer_id from message_approval a where a.message_id = md5('pg-' || :n::text)::uuid;
insert into message_approval (tenant_id, message_id, case_id, revision, sha256, lawyer_id, at)
  values (:tenant::uuid, md5('pg-' || :n::text)::uuid, :case::uuid, 1, :sha256::text, :lawyer::uuid, now());
update message set state = 'APPROVED', current_revision = 1, updated_at = now() where id = md5('pg-' || :n::text)::uuid;
update message_review_request set answered_at = now() where message_id = md5('pg-' || :n::text)::uuid and answered_at is null;
insert into audit_chain_head (tenant_id, last_seq, last_hash) values (:tenant::uuid, 0, repeat('0', 64)) on conflict (tenant_id) do nothing;
select last_seq, last_hash from audit_chain_head where tenant_id = :tenant::uuid for update \gset
insert into audit_event (tenant_id, seq, occurred_at, actor_subject, actor_username, actor_roles, actor_firm, action, entity_type,
                         entity_id, case_id, changes, ip, user_agent, request_id, prev_hash, hash)
  values (:tenant::uuid, :last_seq::bigint + 1, now(), :lawyer::text, 'lawyer', '["lawyer"]', 'LEGAL', 'message.approved', 'message',
          md5('pg-' || :n::text), :case::uuid, '{"revision":1,"sha256":"' || :sha256::text || '","state":["IN_REVIEW","APPROVED"]}',
          '127.0.0.1', 'pgbench', null, :last_hash::text,
          encode(sha256(convert_to(:last_hash::text || 'message.approved' || :n::text || :sha256::text, 'UTF8')), 'hex'));
update audit_chain_head set last_seq = :last_seq::bigint + 1,
       last_hash = encode(sha256(convert_to(:last_hash::text || 'message.approved' || :n::text || :sha256::text, 'UTF8')), 'hex')
  where tenant_id = :tenant::uuid;
select m.user_id, m.lead and m.workstream = 'LEGAL' from case_member m join user_account u on u.id = m.user_id
  where m.case_id = :case::uuid and u.role = 'lawyer' and u.active;
select name from tenant where id = :tenant::uuid;
insert into notify_outbox (tenant_id, id, event, case_id, recipients, params, workstreams)
  values (:tenant::uuid, gen_random_uuid(), 'message.approved', :case::uuid, array[:consultant::uuid], '{"caseTitle":"Incendie"}', '{COMMUNICATION}');
select id, state, current_revision from message where id = md5('pg-' || :n::text)::uuid;
select r.number, r.sha256, r.author_id, r.created_at from message_revision r where r.message_id = md5('pg-' || :n::text)::uuid;
select a.revision, a.sha256, a.lawyer_id, a.at from message_approval a where a.message_id = md5('pg-' || :n::text)::uuid;
select revision, sha256, published_by, at from message_publication where message_id = md5('pg-' || :n::text)::uuid;
select revision, lawyer_id, comment, at from message_change_request where message_id = md5('pg-' || :n::text)::uuid;
commit;

-- publish
begin;
select set_config('app.actor', 'staff', true), set_config('app.user_id', :consultant::text, true);
select case_id, tenant_id from message where id = md5('pg-' || :n::text)::uuid;
select set_config('app.tenant_id', :tenant::text, true);
select id, tenant_id, status, team from case_file where id = :case::uuid;
select user_id, workstream, lead from case_member where case_id = :case::uuid;
select id, tenant_id, case_id, kind, state, current_revision, template_id, created_by, created_at, updated_at, published_at, withdrawn_at
  from message where id = md5('pg-' || :n::text)::uuid for update;
select r.number, r.title, r.body, r.channels, r.audience, r.language, r.sha256, r.author_id,
       coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.username), r.created_at, r.template_id
  from message_revision r join user_account u on u.id = r.author_id where r.message_id = md5('pg-' || :n::text)::uuid and r.number = 1;
select a.revision, a.sha256, a.lawyer_id from message_approval a where a.message_id = md5('pg-' || :n::text)::uuid;
insert into message_publication (tenant_id, message_id, case_id, revision, sha256, published_by, at)
  values (:tenant::uuid, md5('pg-' || :n::text)::uuid, :case::uuid, 1, :sha256::text, :consultant::uuid, now());
update message set state = 'PUBLISHED', current_revision = 1, updated_at = now(), published_at = now() where id = md5('pg-' || :n::text)::uuid;
insert into audit_chain_head (tenant_id, last_seq, last_hash) values (:tenant::uuid, 0, repeat('0', 64)) on conflict (tenant_id) do nothing;
select last_seq, last_hash from audit_chain_head where tenant_id = :tenant::uuid for update \gset
insert into audit_event (tenant_id, seq, occurred_at, actor_subject, actor_username, actor_roles, actor_firm, action, entity_type,
                         entity_id, case_id, changes, ip, user_agent, request_id, prev_hash, hash)
  values (:tenant::uuid, :last_seq::bigint + 1, now(), :consultant::text, 'consultant', '["consultant"]', 'COMMUNICATION', 'message.published',
          'message', md5('pg-' || :n::text), :case::uuid,
          '{"approvedBy":"' || :lawyer::text || '","revision":1,"sha256":"' || :sha256::text || '","state":["APPROVED","PUBLISHED"]}',
          '127.0.0.1', 'pgbench', null, :last_hash::text,
          encode(sha256(convert_to(:last_hash::text || 'message.published' || :n::text || :sha256::text, 'UTF8')), 'hex'));
update audit_chain_head set last_seq = :last_seq::bigint + 1,
       last_hash = encode(sha256(convert_to(:last_hash::text || 'message.published' || :n::text || :sha256::text, 'UTF8')), 'hex')
  where tenant_id = :tenant::uuid;
select m.user_id, m.lead and m.workstream = 'LEGAL' from case_member m join user_account u on u.id = m.user_id
  where m.case_id = :case::uuid and u.role = 'lawyer' and u.active;
select u.id from user_account u join tenant_member m on m.user_id = u.id where u.active and u.role = 'client';
select name from tenant where id = :tenant::uuid;
insert into notify_outbox (tenant_id, id, event, case_id, recipients, params, workstreams)
  values (:tenant::uuid, gen_random_uuid(), 'message.published', :case::uuid, array[:lawyer::uuid], '{"caseTitle":"Incendie"}', '{COMMUNICATION,LEGAL}');
select id, state, current_revision from message where id = md5('pg-' || :n::text)::uuid;
select r.number, r.sha256, r.author_id, r.created_at from message_revision r where r.message_id = md5('pg-' || :n::text)::uuid;
select a.revision, a.sha256, a.lawyer_id, a.at from message_approval a where a.message_id = md5('pg-' || :n::text)::uuid;
select revision, sha256, published_by, at from message_publication where message_id = md5('pg-' || :n::text)::uuid;
select revision, lawyer_id, comment, at from message_change_request where message_id = md5('pg-' || :n::text)::uuid;
commit;
