\set staff random(0, 499)
\set word random(1, 6)
begin;
select set_config('app.actor', 'staff', true), set_config('app.user_id', ':staff', true);
with q as (select websearch_to_tsquery('tf_fr'::regconfig, (array['incendies','donnees','entrepot','firefighters','sauvegarde','prefecture'])[:word])
                  || websearch_to_tsquery('tf_en'::regconfig, (array['incendies','donnees','entrepot','firefighters','sauvegarde','prefecture'])[:word]) as query)
select h.case_id, h.kind, h.id, h.rank,
       ts_headline('tf_fr'::regconfig, h.body, q.query, 'StartSel=<mark>, StopSel=</mark>, MaxWords=24, MinWords=8, MaxFragments=2')
from (select c.id as case_id, 'CASE' as kind, c.id as id, c.title || ' ' || c.summary as body,
             ts_rank((to_tsvector('tf_fr'::regconfig, c.title || ' ' || c.summary) || to_tsvector('tf_en'::regconfig, c.title || ' ' || c.summary)), q.query) as rank
      from case_file c, q
      where (to_tsvector('tf_fr'::regconfig, c.title || ' ' || c.summary) || to_tsvector('tf_en'::regconfig, c.title || ' ' || c.summary)) @@ q.query
        and c.team @> array[':staff'::text]
      union all
      select e.case_id, 'LOG_ENTRY', e.id, e.text,
             ts_rank((to_tsvector('tf_fr'::regconfig, e.text) || to_tsvector('tf_en'::regconfig, e.text)), q.query)
      from log_entry e join case_file c on c.tenant_id = e.tenant_id and c.id = e.case_id, q
      where (to_tsvector('tf_fr'::regconfig, e.text) || to_tsvector('tf_en'::regconfig, e.text)) @@ q.query
        and c.team @> array[':staff'::text]) h, q
order by h.rank desc, h.id desc limit 21;
commit;
