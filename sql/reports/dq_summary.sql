-- dq_summary: the latest run's failed checks first, then the pass/fail trend of every run.
with
run_list as (
    select * from runs
),
latest as (
    select run_id from run_list order by started_at desc limit 1
),
latest_results as (
    select
        'latest' as section,
        r.run_id,
        r.table_name,
        r.expectation,
        r.severity,
        r.success,
        r.observed,
    from dq_results as r
    join latest using (run_id)
),
trend as (
    select
        'trend' as section,
        u.run_id,
        u.status as table_name,
        coalesce(u.message, '') as expectation,
        cast(null as varchar) as severity,
        cast(null as boolean) as success,
        count(r.expectation) filter (where r.success) || ' passed, '
            || count(r.expectation) filter (where not r.success) || ' failed' as observed,
    from run_list as u
    left join dq_results as r using (run_id)
    group by all
),
final as (
    select * from latest_results
    union all
    select * from trend
)
select * from final
order by section, success nulls last, run_id desc, table_name, expectation
