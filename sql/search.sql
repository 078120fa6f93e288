-- The full-text search index lives beside the warehouse, in <warehouse>.search.duckdb:
-- `dossier search` builds it from the warehouse's documents on first use after a load
-- (DuckDB fts, BM25), so a run never spends time re-indexing every text.
-- search_documents: one row per loaded document, indexed for BM25 full-text search (dossier search); kept in the sidecar file <warehouse>.search.duckdb.
create table if not exists search_documents (
    source_path varchar,
    doc_id      varchar,
    title       varchar,
    text        varchar
);
comment on column search_documents.source_path is 'Path of the document (search key).';
comment on column search_documents.doc_id is 'Document id (documents.doc_id).';
comment on column search_documents.title is 'Title from metadata, empty when none.';
comment on column search_documents.text is 'Document text, as indexed.';
