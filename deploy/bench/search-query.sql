\set staff random(0, 499)
\set word random(1, 6)
begin;
select set_config('app.actor', 'staff', true), set_config('app.user_id', ':staff', true);
with q as (select websearch_to_tsquery('tf_fr'::regconfig, (array['incendies','donnees','entrepot','firefighters','sauvegarde','prefecture'])[:word])
                  || websearch_to_tsquery('tf_en'::regconfig, (array['incendies','donnees','entrepot','firefighters','sauvegarde','prefecture'])[:word]) as query),
     mine as materialized (select c.tenant_id, c.id, c.title, c.summary from case_file c where c.team @> array[':staff'::text])
select h.case_id, h.kind, h.id, h.rank,
       ts_headline('tf_fr'::regconfig, h.body, q.query, 'StartSel=<mark>, StopSel=</mark>, MaxWords=24, MinWords=8, MaxFragments=2')
from (select m.id as case_id, 'CASE' as kind, m.id as id, m.title || ' ' || m.summary as body,
             ts_rank((to_tsvector('tf_fr'::regconfig, m.title || ' ' || m.summary) || to_tsvector('tf_en'::regconfig, m.title || ' ' || m.summary)), q.query) as rank
      from mine m, q
      where (to_tsvector('tf_fr'::regconfig, m.title || ' ' || m.summary) || to_tsvector('tf_en'::regconfig, m.title || ' ' || m.summary)) @@ q.query
      union all
      select e.case_id, 'LOG_ENTRY', e.id, e.text, ts_rank(e.search, q.query)
      from mine m join log_entry e on e.tenant_id = m.tenant_id and e.case_id = m.id, q
      where e.search @@ q.query) h, q
order by h.rank desc, h.id desc limit 21;
commit;
