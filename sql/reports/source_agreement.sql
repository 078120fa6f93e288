-- source_agreement: how many facts rest on one source vs several, then every recorded conflict.
with
facts as (
    select 'people' as fact_table, n_documents as n_sources from people
    union all
    select 'events', n_sources from events
    union all
    select 'sanctions', n_sources from sanctions
),
support as (
    select
        fact_table,
        count(*) filter (where n_sources = 1) as single_source,
        count(*) filter (where n_sources > 1) as multi_source,
        count(*) as total,
    from facts
    group by fact_table
),
conflict_rows as (
    select
        c.fact_table,
        coalesce(p.canonical_name, v.event_type || coalesce(' ' || v.country, '') || coalesce(' ' || v.prisoner_count, ''), c.fact_id) as fact,
        c.field,
        array_to_string(c."values", ' | ') as disagreement,
        len(c.doc_ids) as n_documents,
    from conflicts as c
    left join people as p on c.fact_table = 'people' and p.person_id = c.fact_id
    left join events as v on c.fact_table = 'events' and v.event_id = c.fact_id
),
final as (
    select
        'support' as section, fact_table, null as fact, null as field,
        single_source || ' single-source, ' || multi_source || ' multi-source of ' || total as detail,
    from support
    union all
    select
        'conflict', fact_table, fact, field, disagreement || ' (' || n_documents || ' documents)',
    from conflict_rows
)
select * from final
order by section desc, fact_table, fact
