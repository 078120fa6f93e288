-- Q1. Sanctions on one country over time, by issuer: every move on Belarus (BY) or on what is Belarusian
-- (its potash, its airline, its officials), each issuer's moves in date order.
select
    s.issuer,
    i.name as issuer_name,
    s.move_date,
    s.date_precision,
    s.action,
    s.target,
    s.target_type,
    s.n_sources,
from sanctions as s
left join issuers as i on i.issuer = s.issuer
where s.target_country_iso2 = 'BY'
order by s.issuer nulls last, s.move_date nulls last, s.action, s.target
