-- Q2. Prisoner releases per country per month, with ISO 3166 codes to join other data sets on
-- (releases dated to the month or better; a year-only date says nothing about the month).
select
    e.country_iso3,
    e.country_iso2,
    e.country,
    strftime(e.event_date, '%Y-%m') as month,
    count(*) as n_releases,
    sum(e.prisoner_count) as n_prisoners,
from events as e
where e.event_type = 'prisoner_release'
  and e.date_precision in ('day', 'week', 'month')
group by all
order by month, e.country_iso3
