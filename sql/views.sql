-- Views for the common joins, so ad-hoc SQL stays short. Recreated with every load.

-- v_releases: one row per prisoner release, with the people freed and the sanctions moves traded for it.
create or replace view v_releases as
with
released as (
    select
        ep.event_id,
        list(distinct p.canonical_name order by p.canonical_name) as released_people,
    from event_people as ep
    join people as p on p.person_id = ep.person_id
    where ep.role = 'released'
    group by ep.event_id
),
actors as (
    select
        ep.event_id,
        list(distinct p.canonical_name || ' (' || ep.role || ')'
             order by p.canonical_name || ' (' || ep.role || ')') as other_people,
    from event_people as ep
    join people as p on p.person_id = ep.person_id
    where ep.role <> 'released'
    group by ep.event_id
),
moves as (
    select
        s.event_id,
        list(distinct coalesce(s.issuer, '?') || ': ' || s.target || ' ' || s.action
             || coalesce(' (' || strftime(s.move_date, '%Y-%m-%d') || ')', '')
             order by coalesce(s.issuer, '?') || ': ' || s.target || ' ' || s.action
             || coalesce(' (' || strftime(s.move_date, '%Y-%m-%d') || ')', '')) as sanctions_moves,
    from sanctions as s
    where s.event_id is not null
    group by s.event_id
)
select
    v.event_id,
    v.event_date,
    v.date_precision,
    v.date_text,
    v.date_source,
    v.country,
    v.country_iso2,
    v.country_iso3,
    v.prisoner_count,
    v.count_qualifier,
    v.n_sources,
    coalesce(r.released_people, []) as released_people,
    coalesce(a.other_people, []) as other_people,
    coalesce(m.sanctions_moves, []) as sanctions_moves,
    v.summary,
from events as v
left join released as r on r.event_id = v.event_id
left join actors as a on a.event_id = v.event_id
left join moves as m on m.event_id = v.event_id
where v.event_type = 'prisoner_release';

-- v_fact_sources: one row per fact and supporting document, with the document's path, outlet and the quote.
create or replace view v_fact_sources as
select
    e.fact_table,
    e.fact_id,
    d.source_path,
    d.source,
    d.source_id,
    o.name as outlet,
    d.url,
    d.published_at,
    e.char_start,
    e.char_end,
    e.quote,
from evidence as e
join documents as d on d.doc_id = e.doc_id and d.status = 'loaded'
left join sources as o on o.source_id = d.source_id;

-- v_person_events: one row per person and event they took part in.
create or replace view v_person_events as
select
    p.person_id,
    p.canonical_name,
    ep.role,
    v.event_id,
    v.event_type,
    v.event_date,
    v.country,
    v.prisoner_count,
from event_people as ep
join people as p on p.person_id = ep.person_id
join events as v on v.event_id = ep.event_id;

-- v_sanction_moves: one row per sanctions move, with its issuer's name, the target's ISO codes and the outlets that report it.
create or replace view v_sanction_moves as
with
reports as (
    select
        e.fact_id as sanction_id,
        list(distinct coalesce(o.name, d.source, d.source_path) order by coalesce(o.name, d.source, d.source_path)) as outlets,
        min(d.published_at) as first_reported_at,
        max(d.published_at) as last_reported_at,
    from evidence as e
    join documents as d on d.doc_id = e.doc_id and d.status = 'loaded'
    left join sources as o on o.source_id = d.source_id
    where e.fact_table = 'sanctions'
    group by e.fact_id
)
select
    s.sanction_id,
    -- when
    s.move_date,
    s.date_precision,
    s.date_text,
    s.date_source,
    -- who
    s.issuer,
    i.name as issuer_name,
    i.kind as issuer_kind,
    s.issuer_text,
    -- what
    s.action,
    s.target,
    s.target_type,
    s.target_country,
    s.target_country_iso2,
    s.target_country_iso3,
    s.reason,
    s.event_id,
    -- reported by
    s.n_sources,
    coalesce(r.outlets, []) as outlets,
    r.first_reported_at,
    r.last_reported_at,
from sanctions as s
left join issuers as i on i.issuer = s.issuer
left join reports as r on r.sanction_id = s.sanction_id;
