-- Q3. Which outlets reported each of the five latest releases (by release date).
with
last_releases as (
    select event_id, event_date, country_iso3, prisoner_count
    from events
    where event_type = 'prisoner_release' and event_date is not null
    order by event_date desc, event_id
    limit 5
)
select
    r.event_date,
    r.country_iso3,
    r.prisoner_count,
    list(distinct coalesce(o.name, '(no outlet)') order by coalesce(o.name, '(no outlet)')) as outlets,
    count(distinct d.doc_id) as n_documents,
from last_releases as r
join evidence as ev on ev.fact_table = 'events' and ev.fact_id = r.event_id
join documents as d on d.doc_id = ev.doc_id and d.status = 'loaded'
left join sources as o on o.source_id = d.source_id
group by all
order by r.event_date desc, r.country_iso3
