-- The warehouse schema as main had it before issue 25 (commit 7ebcee4), for the upgrade test (tests/test_analyst_warehouse.py).
-- Dossier warehouse schema (DuckDB 1.4). Every column carries a comment; the
-- data dictionary (docs/data_dictionary.md) is generated from them.

-- documents: one row per source file seen (a byte-identical copy is its own row, status 'duplicate').
create table if not exists documents (
    doc_id            varchar not null,
    source_path       varchar not null,
    content_hash      varchar,
    title             varchar,
    url               varchar,
    source            varchar,
    published_at      date,
    language          varchar,
    n_bytes           bigint,
    n_chars           bigint,
    n_furniture_chars bigint,
    status            varchar not null,
    reject_reason     varchar,
    metadata_issue    varchar,
    extractor_version varchar,
    mtime_ns          bigint,
    text              varchar,
    encoding          varchar,
    format            varchar,
    author            varchar,
    site_name         varchar,
    published_at_source varchar,
    run_id            varchar not null,
    primary key (doc_id, source_path)
);
-- warehouses made before pages were read: the columns are added, after run_id (null for their rows until re-read)
alter table documents add column if not exists encoding varchar;
alter table documents add column if not exists format varchar;
alter table documents add column if not exists author varchar;
alter table documents add column if not exists site_name varchar;
alter table documents add column if not exists published_at_source varchar;
comment on column documents.doc_id is 'First 16 hex digits of the SHA-256 of the file bytes (content hash).';
comment on column documents.source_path is 'Path of the file relative to the source folder.';
comment on column documents.content_hash is 'Same as doc_id for readable files; null when the file could not be read.';
comment on column documents.title is 'Title from metadata (sidecar JSON or manifest.csv), else the page''s own title.';
comment on column documents.url is 'URL from metadata, else the page''s canonical address (http/https).';
comment on column documents.source is 'Outlet name from metadata, else the page''s site name.';
comment on column documents.published_at is 'Publication date from metadata, else the date the page states (published_at_source says which); anchors relative dates such as "on Saturday".';
comment on column documents.language is 'ISO 639-1 language detected by py3langid (und when undecidable).';
comment on column documents.n_bytes is 'File size in bytes.';
comment on column documents.n_chars is 'Length of the decoded text in characters.';
comment on column documents.n_furniture_chars is 'Non-space characters blanked as page furniture (newsletter prompts, link lists).';
comment on column documents.status is 'loaded, rejected or duplicate.';
comment on column documents.reject_reason is 'One readable line saying why the file was rejected or marked duplicate.';
comment on column documents.metadata_issue is 'Problem with the metadata (malformed JSON, bad date, unused keys); the text is still used.';
comment on column documents.extractor_version is 'Version of the extractors that produced this document''s facts; a change reprocesses it.';
comment on column documents.mtime_ns is 'File modification time seen at extraction (nanoseconds), used to skip unchanged files cheaply.';
comment on column documents.text is 'Decoded text (UTF-8, newlines normalised; for a page, the extracted article); evidence spans index into it. Null when rejected.';
comment on column documents.run_id is 'Run that last read this file.';
comment on column documents.encoding is 'Text encoding the file was read in (utf-8, utf-16le, windows-1251, windows-1252, ...): its byte-order mark, the charset the page declares, else detected by charset-normalizer. Null when no text encoding fits (binary).';
comment on column documents.format is 'text (plain text) or html (an HTML page, *.html/*.htm or HTML inside .txt: text is the article trafilatura extracted, without navigation, related links or comments).';
comment on column documents.author is 'Author the page names (byline, meta author, JSON-LD); null for plain text.';
comment on column documents.site_name is 'Site the page names (og:site_name, JSON-LD publisher); fills source when no metadata gives one.';
comment on column documents.published_at_source is 'Where published_at comes from: sidecar, manifest, page (the page''s markup: article:published_time, JSON-LD datePublished, <time>), page text (the date the page prints near its top: a dateline, "Published 13 Dec 2025"; for HTML, a date htmldate found in its text or address) or none (loaded, and no date anywhere: nothing is guessed).';

-- people: one row per real person, after merging spellings across documents.
create table if not exists people (
    person_id      varchar primary key,
    canonical_name varchar not null,
    aliases        varchar[],
    roles          varchar[],
    n_documents    bigint,
    n_mentions     bigint,
    confidence     varchar
);
comment on column people.person_id is 'Stable id; kept across runs while any of its mentions remains.';
comment on column people.canonical_name is 'Fullest, most frequent spelling of the name.';
comment on column people.aliases is 'Every surface form seen (titles and possessives stripped).';
comment on column people.roles is 'Every role seen: titles and appositions ("former President", "Warsaw-based analyst").';
comment on column people.n_documents is 'Number of documents that mention the person.';
comment on column people.n_mentions is 'Number of mentions across all documents.';
comment on column people.confidence is 'high when a full name or title supports it; low for an unresolved surname.';

-- person_mentions: one row per mention of a person in a document.
create table if not exists person_mentions (
    person_id  varchar not null,
    doc_id     varchar not null,
    sent_idx   integer,
    surface    varchar not null,
    name       varchar,
    char_start bigint not null,
    char_end   bigint not null,
    role       varchar,
    confidence varchar
);
comment on column person_mentions.person_id is 'The person this mention refers to (people.person_id).';
comment on column person_mentions.doc_id is 'Document of the mention (documents.doc_id).';
comment on column person_mentions.sent_idx is 'Sentence number within the document (0-based).';
comment on column person_mentions.surface is 'Text of the name exactly as at the span.';
comment on column person_mentions.name is 'Full name the mention resolves to within its document.';
comment on column person_mentions.char_start is 'Start offset of the name in documents.text.';
comment on column person_mentions.char_end is 'End offset (exclusive) of the name in documents.text.';
comment on column person_mentions.role is 'Role given at this mention, if any.';
comment on column person_mentions.confidence is 'high or low (unresolved single surname).';

-- events: one row per real-world event, after cross-source dedup.
create table if not exists events (
    event_id        varchar primary key,
    event_type      varchar not null,
    cameo_code      varchar,
    event_date      date,
    date_precision  varchar,
    date_text       varchar,
    country         varchar,
    prisoner_count  bigint,
    count_qualifier varchar,
    summary         varchar,
    n_sources       bigint
);
comment on column events.event_id is 'Stable id of the event.';
comment on column events.event_type is 'prisoner_release, negotiation, diplomatic_visit, letter, embassy_reopening, election, protest_crackdown, military_exercise, military_action.';
comment on column events.cameo_code is 'CAMEO event code where one fits (0841 release persons, 046 negotiate, ...).';
comment on column events.event_date is 'Best-supported date; null when no source fixes it.';
comment on column events.date_precision is 'day, week, month, year or unknown.';
comment on column events.date_text is 'The date as the text states it ("on Saturday", "September 11th").';
comment on column events.country is 'Country where the event happened (for releases: the releasing country).';
comment on column events.prisoner_count is 'Number of people released (releases only).';
comment on column events.count_qualifier is 'exact, at_least ("more than 50"), about ("nearly 300") or at_most.';
comment on column events.summary is 'First sentence reporting the event.';
comment on column events.n_sources is 'Number of documents that report the event.';

-- event_people: one row per person's part in an event.
create table if not exists event_people (
    event_id   varchar not null,
    person_id  varchar not null,
    role       varchar not null,
    doc_id     varchar,
    char_start bigint,
    char_end   bigint
);
comment on column event_people.event_id is 'The event (events.event_id).';
comment on column event_people.person_id is 'The person (people.person_id).';
comment on column event_people.role is 'released, decision_maker or envoy.';
comment on column event_people.doc_id is 'First document that states the link.';
comment on column event_people.char_start is 'Start of the name mention that states the link.';
comment on column event_people.char_end is 'End of that mention.';

-- sanctions: one row per issuer/target/action, merged across sources.
create table if not exists sanctions (
    sanction_id varchar primary key,
    issuer      varchar,
    target      varchar not null,
    target_type varchar,
    target_country varchar,
    action      varchar not null,
    reason      varchar,
    event_id    varchar,
    n_sources   bigint
);
-- warehouses made before target_country: the load makes the table again, this only lets its comments run
alter table sanctions add column if not exists target_country varchar;
comment on column sanctions.sanction_id is 'Stable id from issuer, target, target country and action.';
comment on column sanctions.issuer is 'Who imposes or lifts: United States, European Union, United Kingdom, Western nations; null when unstated.';
comment on column sanctions.target is 'What is sanctioned: a sector (potash), a company, a country or officials.';
comment on column sanctions.target_type is 'sector, company, country, officials or person.';
comment on column sanctions.target_country is 'Whose sector, company, officials or person it is (Belarusian potash: Belarus); the target itself for a country; null when no country is named.';
comment on column sanctions.action is 'imposed, lifted, eased, tightened, remain or proposed (discussed, not done).';
comment on column sanctions.reason is 'Stated reasons, "; "-separated.';
comment on column sanctions.event_id is 'Release event the move was traded for, when a source ties them.';
comment on column sanctions.n_sources is 'Number of documents that report it.';

-- evidence: one row per supporting span of text for a fact.
create table if not exists evidence (
    fact_table varchar not null,
    fact_id    varchar not null,
    doc_id     varchar not null,
    char_start bigint not null,
    char_end   bigint not null,
    quote      varchar not null
);
comment on column evidence.fact_table is 'people, events or sanctions.';
comment on column evidence.fact_id is 'Id of the fact row in fact_table.';
comment on column evidence.doc_id is 'Document that supports the fact.';
comment on column evidence.char_start is 'Start offset of the quote in documents.text.';
comment on column evidence.char_end is 'End offset (exclusive) of the quote.';
comment on column evidence.quote is 'Exactly documents.text[char_start:char_end].';

-- conflicts: one row per field on which sources disagree.
create table if not exists conflicts (
    fact_table varchar not null,
    fact_id    varchar not null,
    field      varchar not null,
    "values"   varchar[],
    doc_ids    varchar[]
);
comment on column conflicts.fact_table is 'Table of the fact the sources disagree on.';
comment on column conflicts.fact_id is 'Id of that fact.';
comment on column conflicts.field is 'Field in dispute (role, prisoner_count, event_date).';
comment on column conflicts."values" is 'The differing values.';
comment on column conflicts.doc_ids is 'Documents that give them.';

-- tallies: one row per stock or running total ("over 1,000 remain behind bars"); never an event.
create table if not exists tallies (
    doc_id     varchar not null,
    char_start bigint not null,
    char_end   bigint not null,
    count      bigint,
    qualifier  varchar,
    quote      varchar
);
comment on column tallies.doc_id is 'Document of the tally.';
comment on column tallies.char_start is 'Start of the counted phrase in documents.text.';
comment on column tallies.char_end is 'End of the counted phrase.';
comment on column tallies.count is 'The number stated.';
comment on column tallies.qualifier is 'exact, at_least, about or at_most.';
comment on column tallies.quote is 'The counted phrase as written.';

-- dq_results: one row per expectation per run.
create table if not exists dq_results (
    run_id      varchar not null,
    table_name  varchar not null,
    expectation varchar not null,
    severity    varchar,
    success     boolean,
    observed    varchar,
    checked_at  timestamp
);
comment on column dq_results.run_id is 'Run that checked it (runs.run_id).';
comment on column dq_results.table_name is 'Table the expectation is about.';
comment on column dq_results.expectation is 'Expectation name and its column/arguments.';
comment on column dq_results.severity is 'critical (stops the load) or warning.';
comment on column dq_results.success is 'Whether the expectation held.';
comment on column dq_results.observed is 'Observed value or count of failing rows.';
comment on column dq_results.checked_at is 'When the check ran (UTC).';

-- runs: one row per flow run.
create table if not exists runs (
    run_id          varchar primary key,
    started_at      timestamp,
    finished_at     timestamp,
    status          varchar,
    message         varchar,
    source_dir      varchar,
    n_files         bigint,
    n_processed     bigint,
    n_skipped       bigint,
    n_loaded        bigint,
    n_rejected      bigint,
    n_duplicates    bigint,
    n_people        bigint,
    n_events        bigint,
    n_sanctions     bigint,
    n_dq_failed     bigint,
    stage_seconds   varchar
);
comment on column runs.run_id is 'Id of the run (UTC start time plus a random suffix).';
comment on column runs.started_at is 'Start time (UTC).';
comment on column runs.finished_at is 'End time (UTC).';
comment on column runs.status is 'success, failed_dq (critical expectation failed, nothing loaded), failed, busy (turned away: the warehouse was held by another run or program) or loading (checks passed, warehouse being swapped in; a kill here is settled as failed by the next run).';
comment on column runs.message is 'Why a run failed, or a short summary.';
comment on column runs.source_dir is 'Folder the run read.';
comment on column runs.n_files is 'Text files found in the folder.';
comment on column runs.n_processed is 'Files read and extracted in this run.';
comment on column runs.n_skipped is 'Unchanged files skipped (incremental).';
comment on column runs.n_loaded is 'Documents with status loaded after the run.';
comment on column runs.n_rejected is 'Documents with status rejected after the run.';
comment on column runs.n_duplicates is 'Documents with status duplicate after the run.';
comment on column runs.n_people is 'Rows in people after the run.';
comment on column runs.n_events is 'Rows in events after the run.';
comment on column runs.n_sanctions is 'Rows in sanctions after the run.';
comment on column runs.n_dq_failed is 'Expectations that failed in this run.';
comment on column runs.stage_seconds is 'JSON object: seconds spent per stage.';

-- Staging: per-document extractor output, kept so unchanged documents are not re-extracted.
create table if not exists stg_name_candidates (
    doc_id varchar, sent_idx integer, char_start bigint, char_end bigint, surface varchar,
    role varchar, n_tokens integer, is_person boolean, has_title boolean, is_headline boolean
);
comment on table stg_name_candidates is 'Capitalised name candidates per document (input of people resolution).';
create table if not exists stg_event_mentions (
    doc_id varchar, sent_idx integer, char_start bigint, char_end bigint, event_type varchar,
    cameo_code varchar, country varchar, prisoner_count bigint, count_qualifier varchar,
    date_text varchar, event_date date, date_precision varchar, sentence varchar
);
comment on table stg_event_mentions is 'Event mentions per sentence (input of event consolidation).';
create table if not exists stg_sanction_mentions (
    doc_id varchar, sent_idx integer, char_start bigint, char_end bigint, issuer varchar,
    target varchar, target_type varchar, target_country varchar, action varchar, reason varchar,
    mentions_release boolean, sentence varchar
);
-- warehouses made before target_country: their staging rows are all extracted again (EXTRACTOR_VERSION)
alter table stg_sanction_mentions add column if not exists target_country varchar;
comment on table stg_sanction_mentions is 'Sanction mentions per sentence (input of sanctions consolidation).';
create table if not exists stg_sentences (
    doc_id varchar, sent_idx integer, char_start bigint, char_end bigint, sentence varchar,
    is_headline boolean
);
comment on table stg_sentences is 'Sentences of documents that report a release (input of event_people linking).';
