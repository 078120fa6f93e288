-- release_timeline: prisoner releases by date, with counts, sources, people freed and linked sanctions.
-- Parameters: $country (any case; null = all), $since (ISO date, null = all).
with
releases as (
    select * from v_releases
),
filtered as (
    select *
    from releases
    where ($country is null or lower(country) = lower($country))
      and ($since is null or event_date >= cast($since as date))
),
final as (
    select
        -- when
        event_date,
        coalesce(date_text, '') as date_text,
        -- what
        country,
        prisoner_count,
        count_qualifier,
        n_sources,
        -- who and why
        array_to_string(released_people, ', ') as released_people,
        array_to_string(sanctions_moves, '; ') as sanctions_moves,
        event_id,
    from filtered
    order by event_date nulls last, country, prisoner_count desc
)
select * from final
