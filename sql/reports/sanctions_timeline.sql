-- sanctions_timeline: every sanctions move on one country (or all), in date order, with its issuer and the outlets that report it.
-- Parameters: $country (country name or ISO 3166 alpha-2/alpha-3 code, any case; whose target: the country, or its potash, airline, officials; null = all).
with
moves as (
    select * from v_sanction_moves
),
filtered as (
    select *
    from moves
    where $country is null
       or lower(target_country) = lower($country)
       or lower(target) = lower($country)
       or lower(target_country_iso2) = lower($country)
       or lower(target_country_iso3) = lower($country)
),
final as (
    select
        -- when
        move_date,
        date_precision,
        coalesce(date_text, case when date_source = 'published' then '(publication date)' end, '') as date_text,
        -- who does what to whom
        coalesce(issuer, '?') as issuer,
        coalesce(issuer_name, '(unstated)') as issuer_name,
        action,
        target,
        target_type,
        target_country,
        target_country_iso3,
        coalesce(reason, '') as reason,
        -- reported by
        n_sources,
        array_to_string(outlets, ', ') as outlets,
        sanction_id,
    from filtered
    order by move_date nulls last, issuer nulls last, target, action
)
select * from final
