-- coverage: documents read and rejected (by reason), and facts per loaded document.
with
docs as (
    select * from documents
),
by_status as (
    select
        status,
        coalesce(regexp_replace(reject_reason, ' \(.*|:.*| [0-9a-f]{16}.*', ''), '') as reason,
        count(*) as n_documents,
    from docs
    group by all
),
facts_per_doc as (
    select
        d.source_path,
        count(distinct e.fact_id) filter (where e.fact_table = 'people') as people,
        count(distinct e.fact_id) filter (where e.fact_table = 'events') as events,
        count(distinct e.fact_id) filter (where e.fact_table = 'sanctions') as sanctions,
    from docs as d
    left join evidence as e on e.doc_id = d.doc_id
    where d.status = 'loaded'
    group by all
),
final as (
    select
        'documents' as section, status as item, reason as detail, n_documents as n,
    from by_status
    union all
    select
        'facts per document', source_path,
        people || ' people, ' || events || ' events, ' || sanctions || ' sanctions',
        people + events + sanctions,
    from facts_per_doc
)
select * from final
order by section, n desc, item
