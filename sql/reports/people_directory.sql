-- people_directory: every person with aliases, roles, documents, mentions and events.
with
people_base as (
    select * from people
),
person_events as (
    select
        person_id,
        list(distinct role || ': ' || event_type || coalesce(' ' || country, '')
             || coalesce(' (' || prisoner_count || ')', '')
             order by role || ': ' || event_type || coalesce(' ' || country, '')
             || coalesce(' (' || prisoner_count || ')', '')) as events,
    from v_person_events
    group by person_id
),
final as (
    select
        p.canonical_name,
        array_to_string(p.aliases, ', ') as aliases,
        array_to_string(p.roles, '; ') as roles,
        p.n_documents,
        p.n_mentions,
        array_to_string(coalesce(e.events, []), '; ') as events,
        p.confidence,
        p.person_id,
    from people_base as p
    left join person_events as e on e.person_id = p.person_id
    order by p.n_documents desc, p.n_mentions desc, p.canonical_name
)
select * from final
