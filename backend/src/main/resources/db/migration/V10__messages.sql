-- Outgoing messages and the lawyer's sign-off gate (DESIGN §5).
--
-- A message row holds the state and which revision is current; the words live in message_revision, which the
-- application may insert and read but never change or delete (the grants below), so an approval or a publication
-- always names words that cannot move under it. Approvals and publications are likewise insert-only. Every state
-- change locks the message row (select ... for update) and checks revision and hash inside that transaction, so
-- concurrent requests on any instance are serialised per message.
--
-- Clients read only what was published: the message rows in PUBLISHED or WITHDRAWN state and the revisions that a
-- publication names; drafts, reviews and approvals stay with the team.

create table message (
    id               uuid not null,
    tenant_id        uuid not null,
    case_id          uuid not null,
    kind             text not null check (kind in ('PRESS_RELEASE', 'SOCIAL_POST', 'SERVICE_SCRIPT', 'FAQ_ENTRY',
                                                   'HOLDING_STATEMENT', 'CLIENT_EMAIL', 'INTERNAL_MEMO')),
    state            text not null check (state in ('DRAFT', 'IN_REVIEW', 'APPROVED', 'CHANGES_REQUESTED',
                                                    'PUBLISHED', 'WITHDRAWN')),
    current_revision int not null,
    template_id      text,
    created_by       uuid not null references user_account (id),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    published_at     timestamptz,
    withdrawn_at     timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id)
);
create index message_id on message (id);
create index message_case on message (tenant_id, case_id, updated_at desc);

create table message_revision (
    tenant_id  uuid not null,
    message_id uuid not null,
    case_id    uuid not null,
    number     int not null check (number >= 1),
    title      text not null check (length(trim(title)) between 1 and 300),
    body       text not null check (length(body) <= 20000),
    channels   text[] not null,
    audience   text[] not null,
    language   text not null check (language in ('fr', 'en')),
    sha256     text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    author_id  uuid not null references user_account (id),
    created_at timestamptz not null,
    -- set when the revision was filled in from a pre-approved template and not changed since
    template_id     text,
    template_sha256 text,
    primary key (tenant_id, message_id, number),
    foreign key (tenant_id, message_id) references message (tenant_id, id)
);

create table message_approval (
    tenant_id  uuid not null,
    message_id uuid not null,
    case_id    uuid not null,
    revision   int not null,
    sha256     text not null,
    lawyer_id  uuid not null references user_account (id),
    at         timestamptz not null,
    -- an approval given through a pre-approved template names it
    template_id text,
    primary key (tenant_id, message_id, revision, lawyer_id),
    foreign key (tenant_id, message_id, revision) references message_revision (tenant_id, message_id, number)
);

create table message_change_request (
    tenant_id  uuid not null,
    message_id uuid not null,
    case_id    uuid not null,
    revision   int not null,
    lawyer_id  uuid not null references user_account (id),
    comment    text not null check (length(trim(comment)) between 1 and 4000),
    at         timestamptz not null,
    primary key (tenant_id, message_id, revision, at),
    foreign key (tenant_id, message_id, revision) references message_revision (tenant_id, message_id, number)
);

create table message_publication (
    tenant_id    uuid not null,
    message_id   uuid not null,
    case_id      uuid not null,
    revision     int not null,
    sha256       text not null,
    published_by uuid not null references user_account (id),
    at           timestamptz not null,
    primary key (tenant_id, message_id, revision),
    foreign key (tenant_id, message_id, revision) references message_revision (tenant_id, message_id, number)
);

-- A review request waiting for a lawyer: the escalation job reads these across tenants (as the dispatcher, see
-- V5__notify.sql), so it copies what its notices say and never reads the message itself.
create table message_review_request (
    tenant_id     uuid not null,
    message_id    uuid not null,
    case_id       uuid not null,
    revision      int not null,
    requested_by  uuid not null references user_account (id),
    requested_at  timestamptz not null,
    due_at        timestamptz not null,
    -- 0: the team's lawyers were told; 1: the legal lead too; 2: every lawyer of the firm
    level         int not null default 0 check (level between 0 and 2),
    legal_lead_id uuid references user_account (id),
    case_title    text not null,
    message_title text not null,
    answered_at   timestamptz,
    primary key (tenant_id, message_id, revision),
    foreign key (tenant_id, message_id, revision) references message_revision (tenant_id, message_id, number)
);
create index message_review_due on message_review_request (due_at) where answered_at is null and level < 2;

-- Pre-approved templates belong to the firms, not to a tenant: the same holding statement serves every client.
create table message_template (
    id           text primary key,
    crisis_type  text not null,
    kind         text not null,
    language     text not null check (language in ('fr', 'en')),
    title        text not null,
    body         text not null,
    sha256       text not null,
    approved_by  uuid references user_account (id),
    approved_at  timestamptz,
    approved_sha256 text
);

do $$
declare t text;
begin
  foreach t in array array['message', 'message_revision', 'message_approval', 'message_change_request',
                           'message_publication'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    -- staff of the team read across tenants (their "my cases" views bind no tenant) and write in the case's tenant
    execute format($p$create policy message_team_read on %I for select using (
        (select app_case_actor()) = 'staff'
        and exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                and c.team @> array[(select app_user())]))$p$, t, t, t);
    execute format($p$create policy message_team_write on %I for all
        using ((select app_case_actor()) = 'staff' and tenant_id = (select app_tenant())
               and exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                       and c.team @> array[(select app_user())]))
        with check ((select app_case_actor()) = 'staff' and tenant_id = (select app_tenant())
               and exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                       and c.team @> array[(select app_user())]))$p$,
        t, t, t, t, t);
  end loop;
end $$;

-- what a client may read: messages of their tenant that were published once (a later draft of a published message
-- keeps its published words visible) and the published words themselves
create policy message_client on message for select using (
    (select app_case_actor()) = 'client' and tenant_id = (select app_tenant())
    and exists (select 1 from message_publication p where p.tenant_id = message.tenant_id and p.message_id = message.id));
create policy message_client on message_revision for select using (
    (select app_case_actor()) = 'client' and tenant_id = (select app_tenant())
    and exists (select 1 from message_publication p where p.tenant_id = message_revision.tenant_id
                and p.message_id = message_revision.message_id and p.revision = message_revision.number));
create policy message_client on message_publication for select using (
    (select app_case_actor()) = 'client' and tenant_id = (select app_tenant()));

alter table message_review_request enable row level security;
alter table message_review_request force row level security;
-- the team (no app_case_actor() here: it refuses the dispatcher, and every policy is read for every row); like the
-- other message tables, read across tenants and written in the case's tenant
create policy review_team_read on message_review_request for select
    using (coalesce(current_setting('app.actor', true), '') = 'staff'
           and exists (select 1 from case_file c where c.tenant_id = message_review_request.tenant_id
                       and c.id = message_review_request.case_id and c.team @> array[(select app_user())]));
create policy review_team_write on message_review_request for all
    using (coalesce(current_setting('app.actor', true), '') = 'staff' and tenant_id = (select app_tenant())
           and exists (select 1 from case_file c where c.tenant_id = message_review_request.tenant_id
                       and c.id = message_review_request.case_id and c.team @> array[(select app_user())]))
    with check (coalesce(current_setting('app.actor', true), '') = 'staff' and tenant_id = (select app_tenant())
           and exists (select 1 from case_file c where c.tenant_id = message_review_request.tenant_id
                       and c.id = message_review_request.case_id and c.team @> array[(select app_user())]));
create policy review_escalation on message_review_request for all
    using ((select app_dispatcher())) with check ((select app_dispatcher()));

-- revisions, approvals, change requests and publications are facts: written once, never changed
grant select, insert, update on message to ${approle};
grant select, insert on message_revision, message_approval, message_change_request, message_publication to ${approle};
grant select, insert, update on message_review_request to ${approle};
grant select, update on message_template to ${approle};

-- the shipped templates (a lawyer approves each before it can serve the first-hour fast path)
insert into message_template (id, crisis_type, kind, language, title, body, sha256) values
('holding-outage-fr', 'OUTAGE', 'HOLDING_STATEMENT', 'fr',
 'Incident en cours : point de situation',
 E'Le {{date}}, un incident a touché {{place}}.\n\nCe que nous savons à cette heure : {{facts}}\n\nNous pensons d''abord à nos clients et à nos équipes, et nous comprenons l''inquiétude que cet incident suscite.\n\nLes mesures prises : {{actions}}\n\nNous ne communiquerons que des faits vérifiés. Prochain point de situation : {{next_update}}.',
 ''),
('holding-outage-en', 'OUTAGE', 'HOLDING_STATEMENT', 'en',
 'Ongoing incident: situation update',
 E'On {{date}}, an incident affected {{place}}.\n\nWhat we know at this time: {{facts}}\n\nOur first thoughts are with our customers and our teams, and we understand the concern this incident raises.\n\nWhat we are doing: {{actions}}\n\nWe will share verified facts only. Next update: {{next_update}}.',
 ''),
('holding-industrial-fr', 'INDUSTRIAL_ACCIDENT', 'HOLDING_STATEMENT', 'fr',
 'Accident sur notre site : premières informations',
 E'Le {{date}}, un accident s''est produit sur notre site de {{place}}.\n\nLes faits confirmés : {{facts}}\n\nNos pensées vont aux personnes touchées et à leurs proches. Nous comprenons l''inquiétude des riverains.\n\nLes mesures prises : {{actions}}\n\nNous travaillons avec les autorités et nous vous tiendrons informés. Prochain point : {{next_update}}.',
 ''),
('holding-industrial-en', 'INDUSTRIAL_ACCIDENT', 'HOLDING_STATEMENT', 'en',
 'Accident at our site: first information',
 E'On {{date}}, an accident occurred at our {{place}} site.\n\nConfirmed facts: {{facts}}\n\nOur thoughts are with the people affected and their families. We understand the concern of our neighbours.\n\nWhat we are doing: {{actions}}\n\nWe are working with the authorities and will keep you informed. Next update: {{next_update}}.',
 ''),
('holding-recall-fr', 'PRODUCT_SAFETY', 'HOLDING_STATEMENT', 'fr',
 'Rappel de produit : informations aux consommateurs',
 E'Le {{date}}, nous avons décidé de rappeler des produits vendus {{place}}.\n\nCe que nous savons : {{facts}}\n\nLa sécurité de nos clients passe avant tout ; nous comprenons leur inquiétude et nous leur présentons nos excuses.\n\nLes mesures prises : {{actions}}\n\nProchain point : {{next_update}}.',
 ''),
('holding-recall-en', 'PRODUCT_SAFETY', 'HOLDING_STATEMENT', 'en',
 'Product recall: information for consumers',
 E'On {{date}}, we decided to recall products sold {{place}}.\n\nWhat we know: {{facts}}\n\nOur customers'' safety comes first; we understand their concern and we apologise.\n\nWhat we are doing: {{actions}}\n\nNext update: {{next_update}}.',
 ''),
('holding-data-fr', 'DATA_BREACH', 'HOLDING_STATEMENT', 'fr',
 'Incident de sécurité : premières informations',
 E'Le {{date}}, nous avons détecté un incident de sécurité touchant {{place}}.\n\nLes faits établis : {{facts}}\n\nNous sommes désolés pour l''inquiétude causée à nos clients et nous comprenons leurs questions.\n\nLes mesures prises : {{actions}}\n\nNous informons la CNIL et les personnes concernées selon nos obligations. Prochain point : {{next_update}}.',
 ''),
('holding-data-en', 'DATA_BREACH', 'HOLDING_STATEMENT', 'en',
 'Security incident: first information',
 E'On {{date}}, we detected a security incident affecting {{place}}.\n\nEstablished facts: {{facts}}\n\nWe are sorry for the concern caused to our customers and we understand their questions.\n\nWhat we are doing: {{actions}}\n\nWe are informing the regulator and the people concerned as required. Next update: {{next_update}}.',
 '');
-- the hash of each shipped template's words, computed here so that the data above is the one source
update message_template set sha256 = encode(sha256(convert_to(title || E'\n' || body, 'UTF8')), 'hex');
