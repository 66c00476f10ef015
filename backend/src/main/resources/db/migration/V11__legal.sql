-- The legal workstream (DESIGN §4): deadline rules as data, clocks on cases, hostile publications and their
-- qualification, legal actions, privileged notes and evidence.
--
-- Rules are platform data (no tenant): the same law applies to every client. A rule is versioned: an edit by a
-- platform admin inserts the next version and makes it current; a clock names the version it started with, and
-- stores the deadline computed then, so an edit never moves a running clock.
--
-- Case data follows V3/V10: staff on the case's team read across tenants and write in the case's tenant; clients read
-- the clocks and the actions of their tenant (dates and states, the portal projection) and nothing else of the legal
-- workstream. Privileged notes are for lawyers on the team only, in the database too.

create table legal_rule (
    id           text not null check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    version      int not null check (version >= 1),
    name_fr      text not null check (length(trim(name_fr)) between 1 and 200),
    name_en      text not null check (length(trim(name_en)) between 1 and 200),
    basis        text not null check (length(trim(basis)) between 1 and 300),
    text_version text not null check (length(trim(text_version)) between 1 and 200),
    trigger_kind text not null check (trigger_kind in ('FIRST_PUBLICATION', 'PUBLICATION', 'KNOWLEDGE_OF_FACTS',
                                                       'AWARENESS_OF_BREACH', 'EMPLOYER_KNOWLEDGE', 'RECEIPT_OF_REQUEST')),
    amount       int not null check (amount between 1 and 1000),
    unit         text not null check (unit in ('HOURS', 'DAYS', 'MONTHS', 'YEARS')),
    counting     text not null check (counting in ('CALENDAR_MONTHS', 'WHOLE_DAYS', 'ELAPSED_HOURS')),
    reminders    text[] not null default '{}',
    current      boolean not null,
    edited_by    uuid references user_account (id),
    edited_at    timestamptz not null default now(),
    primary key (id, version),
    check ((counting = 'CALENDAR_MONTHS' and unit in ('MONTHS', 'YEARS')) or (counting = 'WHOLE_DAYS' and unit = 'DAYS')
           or (counting = 'ELAPSED_HOURS' and unit = 'HOURS'))
);
create unique index legal_rule_current on legal_rule (id) where current;
-- versions are facts: the application adds versions and moves the current flag, never rewrites one
grant select, insert on legal_rule to ${approle};
grant update (current) on legal_rule to ${approle};

insert into legal_rule (id, version, name_fr, name_en, basis, text_version, trigger_kind, amount, unit, counting, reminders, current) values
('press-defamation-3m', 1, 'Diffamation ou injure publique : dernier jour pour agir', 'Public defamation or insult: last day to sue',
 'Loi du 29 juillet 1881, art. 65', 'Art. 65 dans sa rédaction issue de la loi n° 93-2 du 4 janvier 1993', 'FIRST_PUBLICATION',
 3, 'MONTHS', 'CALENDAR_MONTHS', '{50%,P14D,P7D,P2D,P1D}', true),
('press-discriminatory-1y', 1, 'Diffamation ou injure discriminatoire : dernier jour pour agir', 'Discriminatory defamation or insult: last day to sue',
 'Loi du 29 juillet 1881, art. 65-3', 'Art. 65-3 dans sa rédaction issue de la loi n° 2017-86 du 27 janvier 2017', 'FIRST_PUBLICATION',
 1, 'YEARS', 'CALENDAR_MONTHS', '{50%,P14D,P7D,P2D,P1D}', true),
('right-of-reply-request-3m', 1, 'Droit de réponse : dernier jour pour le demander', 'Right of reply: last day to request it',
 'Loi du 29 juillet 1881, art. 13 ; LCEN art. 6-IV', 'Art. 13 (loi n° 2004-575 du 21 juin 2004) ; LCEN art. 6-IV', 'PUBLICATION',
 3, 'MONTHS', 'CALENDAR_MONTHS', '{50%,P14D,P7D,P2D,P1D}', true),
('denigration-5y', 1, 'Dénigrement (responsabilité civile) : dernier jour pour agir', 'Denigration (civil liability): last day to sue',
 'Code civil, art. 1240 et 2224', 'Art. 1240 (ordonnance n° 2016-131) ; art. 2224 (loi n° 2008-561)', 'KNOWLEDGE_OF_FACTS',
 5, 'YEARS', 'CALENDAR_MONTHS', '{50%,P14D,P7D,P2D,P1D}', true),
('gdpr-breach-72h', 1, 'Violation de données : notifier la CNIL', 'Personal-data breach: notify the CNIL',
 'RGPD, art. 33', 'Règlement (UE) 2016/679, art. 33', 'AWARENESS_OF_BREACH',
 72, 'HOURS', 'ELAPSED_HOURS', '{PT48H,PT24H,PT6H}', true),
('disciplinary-2m', 1, 'Sanction disciplinaire de l''auteur salarié : dernier jour pour engager la procédure', 'Disciplinary action against an employee author: last day to start it',
 'Code du travail, art. L1332-4', 'Art. L1332-4 (ordonnance n° 2007-329)', 'EMPLOYER_KNOWLEDGE',
 2, 'MONTHS', 'CALENDAR_MONTHS', '{50%,P14D,P7D,P2D,P1D}', true),
('delisting-answer-1m', 1, 'Demande de déréférencement : réponse du moteur de recherche (prolongeable de 2 mois, motifs à l''appui)', 'De-listing request: the search engine must answer (extendable by 2 months, with reasons)',
 'RGPD, art. 12(3) et 17', 'Règlement (UE) 2016/679, art. 12(3) et 17', 'RECEIPT_OF_REQUEST',
 1, 'MONTHS', 'CALENDAR_MONTHS', '{P7D,P2D,P1D}', true),
('right-of-reply-insertion-3d', 1, 'Droit de réponse : insertion par le directeur de la publication', 'Right of reply: insertion by the publisher',
 'Loi du 29 juillet 1881, art. 13 ; LCEN art. 6-IV', 'Art. 13 (loi n° 2004-575 du 21 juin 2004) ; LCEN art. 6-IV', 'RECEIPT_OF_REQUEST',
 3, 'DAYS', 'WHOLE_DAYS', '{P2D,P1D}', true);

-- A hostile publication of a case: its URL, first posting, and the lawyer's qualification, which picks its clock.
create table legal_publication (
    id                 uuid not null,
    tenant_id          uuid not null,
    case_id            uuid not null,
    url                text not null check (length(url) between 1 and 2000),
    first_published_at timestamptz not null,
    qualification      text check (qualification in ('DEFAMATION', 'INSULT', 'DISCRIMINATORY', 'DENIGRATION',
                                                     'NOT_ACTIONABLE')),
    qualified_by       uuid references user_account (id),
    qualified_at       timestamptz,
    created_by         uuid not null references user_account (id),
    created_at         timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id)
);
create index legal_publication_id on legal_publication (id);
create index legal_publication_case on legal_publication (tenant_id, case_id, created_at);

-- A republication (a site put back online, a new posting) starts a new period for its publication.
create table legal_republication (
    id             uuid not null,
    tenant_id      uuid not null,
    case_id        uuid not null,
    publication_id uuid not null,
    republished_at timestamptz not null,
    note           text not null default '' check (length(note) <= 2000),
    recorded_by    uuid not null references user_account (id),
    recorded_at    timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, publication_id) references legal_publication (tenant_id, id)
);

-- A legal action of a case (formal notice, complaint, notices to hosts and platforms, CNIL notification...).
create table legal_action (
    id                uuid not null,
    tenant_id         uuid not null,
    case_id           uuid not null,
    kind              text not null check (kind in ('FORMAL_NOTICE', 'COMPLAINT', 'SUMMARY_PROCEEDINGS', 'HOST_NOTICE',
                                                    'PLATFORM_NOTICE', 'CNIL_NOTIFICATION', 'RIGHT_OF_REPLY_REQUEST',
                                                    'DELISTING_REQUEST')),
    status            text not null check (status in ('DRAFT', 'SENT', 'ANSWERED', 'GRANTED', 'REFUSED', 'WITHDRAWN')),
    title             text not null check (length(trim(title)) between 1 and 300),
    recipient         text not null default '' check (length(recipient) <= 300),
    urls              text[] not null default '{}',
    reasons           text not null default '' check (length(reasons) <= 20000),
    notifier_identity text not null default '' check (length(notifier_identity) <= 1000),
    good_faith        boolean not null default false,
    publication_id    uuid,
    sent_at           timestamptz,
    answered_at       timestamptz,
    created_by        uuid not null references user_account (id),
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id),
    foreign key (tenant_id, publication_id) references legal_publication (tenant_id, id)
);
create index legal_action_id on legal_action (id);
create index legal_action_case on legal_action (tenant_id, case_id, created_at);

-- A clock on a case: its rule version, trigger and the deadline computed when it started. A triage proposal becomes a
-- clock when a lawyer confirms it; a qualified publication, a republication or a right-of-reply request start one.
create table legal_clock (
    id                   uuid not null,
    tenant_id            uuid not null,
    case_id              uuid not null,
    rule_id              text not null,
    rule_version         int not null,
    trigger_at           timestamptz not null,
    last_day             date not null,
    ends_at              timestamptz not null,
    non_working_last_day boolean not null,
    state                text not null check (state in ('RUNNING', 'ACTED_UPON', 'EXPIRED', 'WAIVED')),
    state_reason         text not null default '' check (length(state_reason) <= 2000),
    responsible_id       uuid references user_account (id),
    origin               text not null check (origin in ('TRIAGE', 'PUBLICATION', 'REPUBLICATION', 'ACTION', 'MANUAL')),
    publication_id       uuid,
    action_id            uuid,
    created_by           uuid not null references user_account (id),
    created_at           timestamptz not null,
    closed_by            uuid references user_account (id),
    closed_at            timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id),
    foreign key (rule_id, rule_version) references legal_rule (id, version),
    foreign key (tenant_id, publication_id) references legal_publication (tenant_id, id),
    foreign key (tenant_id, action_id) references legal_action (tenant_id, id),
    check (state <> 'WAIVED' or length(trim(state_reason)) > 0)
);
create index legal_clock_id on legal_clock (id);
create index legal_clock_case on legal_clock (tenant_id, case_id, ends_at);
create index legal_clock_running on legal_clock (ends_at) where state = 'RUNNING';

-- The reminders a clock will send, planned when it starts. The reminder job works as the dispatcher (like the review
-- escalation of V10): it claims due rows with "for update skip locked" and marks them sent in the transaction that
-- writes the announcement, so each reminder is sent once across instances. It cannot read case tables, so a row
-- copies what the notice says and whom it goes to (the team's lawyers when the clock started).
create table legal_clock_reminder (
    tenant_id  uuid not null,
    clock_id   uuid not null,
    case_id    uuid not null,
    label      text not null,
    due_at     timestamptz not null,
    recipients uuid[] not null,
    case_title text not null,
    rule_name  text not null,
    last_day   date not null,
    sent_at    timestamptz,
    primary key (tenant_id, clock_id, label),
    foreign key (tenant_id, clock_id) references legal_clock (tenant_id, id)
);
create index legal_clock_reminder_due on legal_clock_reminder (due_at) where sent_at is null;

-- Privileged notes: written once, read by lawyers on the team only (every read is audited by the application).
create table legal_note (
    id         uuid not null,
    tenant_id  uuid not null,
    case_id    uuid not null,
    body       text not null check (length(trim(body)) between 1 and 20000),
    author_id  uuid not null references user_account (id),
    created_at timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id)
);
create index legal_note_id on legal_note (id);

-- Evidence: a capture of hostile content, immutable once saved; the file is here unless object storage holds it.
create table legal_evidence (
    id           uuid not null,
    tenant_id    uuid not null,
    case_id      uuid not null,
    url          text not null check (length(url) between 1 and 2000),
    captured_at  timestamptz not null,
    file_name    text not null check (length(file_name) between 1 and 255),
    content_type text not null,
    size_bytes   bigint not null check (size_bytes > 0),
    sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    storage      text not null check (storage in ('DATABASE', 'S3')),
    storage_key  text,
    captured_by  uuid not null references user_account (id),
    created_at   timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references case_file (tenant_id, id)
);
create index legal_evidence_id on legal_evidence (id);

create table legal_evidence_file (
    tenant_id   uuid not null,
    evidence_id uuid not null,
    case_id     uuid not null,
    content     bytea not null,
    primary key (tenant_id, evidence_id),
    foreign key (tenant_id, evidence_id) references legal_evidence (tenant_id, id)
);

-- The secret of a lawyer's calendar feed (an iCalendar URL their calendar application polls without a token): only
-- its hash is kept; revoking deletes it. Platform data: a person's, across tenants.
create table legal_calendar_feed (
    user_id      uuid primary key references user_account (id),
    token_sha256 text not null unique check (token_sha256 ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz not null
);
grant select, insert, delete on legal_calendar_feed to ${approle};

-- Row-level security. Team: read across tenants, write in the case's tenant (as V10).
do $$
declare t text;
begin
  foreach t in array array['legal_publication', 'legal_republication', 'legal_action', 'legal_clock', 'legal_evidence',
                           'legal_evidence_file'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format($p$create policy legal_team_read on %I for select using (
        (select app_case_actor()) = 'staff'
        and exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                and c.team @> array[(select app_user())]))$p$, t, t, t);
    execute format($p$create policy legal_team_write on %I for all
        using ((select app_case_actor()) = 'staff' and tenant_id = (select app_tenant())
               and exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                       and c.team @> array[(select app_user())]))
        with check ((select app_case_actor()) = 'staff' and tenant_id = (select app_tenant())
               and exists (select 1 from case_file c where c.tenant_id = %I.tenant_id and c.id = %I.case_id
                                                       and c.team @> array[(select app_user())]))$p$,
        t, t, t, t, t);
  end loop;
end $$;

-- clients: the dates and states of their tenant's clocks, the kinds and states of its actions
create policy legal_client on legal_clock for select using (
    (select app_case_actor()) = 'client' and tenant_id = (select app_tenant()));
create policy legal_client on legal_action for select using (
    (select app_case_actor()) = 'client' and tenant_id = (select app_tenant()));

-- privileged notes: lawyers on the team, and nobody else, whatever the application asks
alter table legal_note enable row level security;
alter table legal_note force row level security;
create policy legal_note_lawyers on legal_note for all
    using ((select app_case_actor()) = 'staff'
           and exists (select 1 from user_account u where u.id::text = (select app_user()) and u.role = 'lawyer' and u.active)
           and exists (select 1 from case_file c where c.tenant_id = legal_note.tenant_id and c.id = legal_note.case_id
                                                   and c.team @> array[(select app_user())]))
    with check ((select app_case_actor()) = 'staff' and tenant_id = (select app_tenant())
           and exists (select 1 from user_account u where u.id::text = (select app_user()) and u.role = 'lawyer' and u.active)
           and exists (select 1 from case_file c where c.tenant_id = legal_note.tenant_id and c.id = legal_note.case_id
                                                   and c.team @> array[(select app_user())]));

-- reminders: the team (who starts and closes clocks) and the dispatcher (the reminder job)
alter table legal_clock_reminder enable row level security;
alter table legal_clock_reminder force row level security;
create policy reminder_team on legal_clock_reminder for all
    using (coalesce(current_setting('app.actor', true), '') = 'staff' and tenant_id = (select app_tenant())
           and exists (select 1 from case_file c where c.tenant_id = legal_clock_reminder.tenant_id
                       and c.id = legal_clock_reminder.case_id and c.team @> array[(select app_user())]))
    with check (coalesce(current_setting('app.actor', true), '') = 'staff' and tenant_id = (select app_tenant())
           and exists (select 1 from case_file c where c.tenant_id = legal_clock_reminder.tenant_id
                       and c.id = legal_clock_reminder.case_id and c.team @> array[(select app_user())]));
create policy reminder_job on legal_clock_reminder for all
    using ((select app_dispatcher())) with check ((select app_dispatcher()));

grant select, insert, update on legal_publication, legal_action, legal_clock to ${approle};
grant select, insert on legal_republication, legal_note, legal_evidence, legal_evidence_file to ${approle};
grant select, insert, update, delete on legal_clock_reminder to ${approle};
