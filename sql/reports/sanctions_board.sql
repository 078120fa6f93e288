-- sanctions_board: issuer x target with every action seen, the latest-dated source, reasons and the linked release.
-- Parameters: $country (any case; whose target: the country, or its potash, airline, officials; null = all).
with
moves as (
    select
        s.*,
        max(d.published_at) as last_reported_at,
    from sanctions as s
    left join evidence as e on e.fact_table = 'sanctions' and e.fact_id = s.sanction_id
    left join documents as d on d.doc_id = e.doc_id
    group by all
),
ranked as (
    select
        *,
        row_number() over (
            partition by coalesce(issuer, '?'), target, target_country
            order by last_reported_at desc nulls last, n_sources desc, action
        ) as recency_rank,
        list(action) over (partition by coalesce(issuer, '?'), target, target_country) as actions_seen,
    from moves
),
final as (
    select
        coalesce(r.issuer, '(unstated)') as issuer,
        r.target,
        r.target_type,
        r.target_country,
        r.action as latest_action,
        array_to_string(list_distinct(r.actions_seen), ', ') as actions_seen,
        r.last_reported_at,
        r.reason,
        coalesce(v.country || ' release of ' || v.prisoner_count, '') as traded_for,
        r.n_sources,
    from ranked as r
    left join events as v on v.event_id = r.event_id
    where r.recency_rank = 1
      and ($country is null or lower(r.target_country) = lower($country) or lower(r.target) = lower($country))
    order by issuer, r.target_country, r.target
)
select * from final
