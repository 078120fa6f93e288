-- Dimensions the load derives from the whole warehouse, inside its transaction (flows/warehouse/load.py).

-- documents.source_id for rows that have none yet: this run's new rows, and every row of a warehouse
-- made before sources existed (issue 25). The outlet is the name the metadata or the page gives, else
-- the address's domain (without www.); the id hashes it lower-cased, so one outlet is one id.
update documents
set source_id = 'src' || substr(md5(lower(coalesce(
    nullif(trim(source), ''),
    nullif(lower(regexp_extract(url, '^[A-Za-z][A-Za-z0-9+.\-]*://(?:[^@/]*@)?(?:www\.)?([^/:?#]+)', 1)), '')
))), 1, 12)
where source_id is null
  and (nullif(trim(source), '') is not null or url is not null);

-- sources: one row per outlet, from the documents that name it (sources is emptied by every load).
insert into sources
with
documents_with_domain as (
    select
        d.source_id,
        d.status,
        d.published_at,
        coalesce(
            nullif(trim(d.source), ''),
            nullif(lower(regexp_extract(d.url, '^[A-Za-z][A-Za-z0-9+.\-]*://(?:[^@/]*@)?(?:www\.)?([^/:?#]+)', 1)), '')
        ) as outlet,
        nullif(lower(regexp_extract(d.url, '^[A-Za-z][A-Za-z0-9+.\-]*://(?:[^@/]*@)?(?:www\.)?([^/:?#]+)', 1)), '') as domain,
    from documents as d
    where d.source_id is not null
),
final as (
    select
        source_id,
        mode(outlet order by outlet) as name,
        mode(domain order by domain) as domain,
        count(*) filter (where status = 'loaded') as n_documents,
        min(published_at) filter (where status = 'loaded') as first_published_at,
        max(published_at) filter (where status = 'loaded') as last_published_at,
    from documents_with_domain
    group by source_id
)
select * from final;
