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
    source_id         varchar,
    main_country      varchar,
    main_country_iso2 varchar,
    main_country_iso3 varchar,
    primary key (doc_id, source_path)
);
-- warehouses made before pages were read: the columns are added, after run_id (null for their rows until re-read)
alter table documents add column if not exists encoding varchar;
alter table documents add column if not exists format varchar;
alter table documents add column if not exists author varchar;
alter table documents add column if not exists site_name varchar;
alter table documents add column if not exists published_at_source varchar;
-- warehouses made before sources and country codes (issue 25): source_id is filled by the next load
-- (sql/dimensions.sql); the main country comes with each document's next extraction
alter table documents add column if not exists source_id varchar;
alter table documents add column if not exists main_country varchar;
alter table documents add column if not exists main_country_iso2 varchar;
alter table documents add column if not exists main_country_iso3 varchar;
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
comment on column documents.source_id is 'The outlet (sources.source_id): the outlet name from metadata or the page, else the address''s domain; null when neither is known.';
comment on column documents.main_country is 'Country the document names most (sanctioning powers not counted: United States, European Union, United Kingdom); null when it names none or was extracted before this column existed.';
comment on column documents.main_country_iso2 is 'ISO 3166-1 alpha-2 code of main_country (countries.iso2).';
comment on column documents.main_country_iso3 is 'ISO 3166-1 alpha-3 code of main_country.';
comment on column documents.published_at_source is 'Where published_at comes from: sidecar, manifest, page (the page''s markup: article:published_time, JSON-LD datePublished, <time>), page text (the date the page prints near its top: a dateline, "Published 13 Dec 2025"; for HTML, a date htmldate found in its text or address), address (none of those, and the page''s address files it under a day: /2023/10/19/) or none (loaded, and no date anywhere: nothing is guessed).';

-- people: one row per real person, after merging spellings across documents.
create table if not exists people (
    person_id      varchar primary key,
    canonical_name varchar not null,
    aliases        varchar[],
    roles          varchar[],
    n_documents    bigint,
    n_mentions     bigint,
    confidence     varchar,
    nationality    varchar,
    nationality_iso2 varchar,
    nationality_iso3 varchar
);
-- warehouses made before nationality: the load makes the table again, this only lets its comments run
alter table people add column if not exists nationality varchar;
alter table people add column if not exists nationality_iso2 varchar;
alter table people add column if not exists nationality_iso3 varchar;
comment on column people.person_id is 'Stable id; kept across runs while any of its mentions remains.';
comment on column people.canonical_name is 'Fullest, most frequent spelling of the name.';
comment on column people.aliases is 'Every surface form seen (titles and possessives stripped).';
comment on column people.roles is 'Every role seen: titles and appositions ("former President", "Warsaw-based analyst").';
comment on column people.n_documents is 'Number of documents that mention the person.';
comment on column people.n_mentions is 'Number of mentions across all documents.';
comment on column people.confidence is 'high when a full name or title supports it; low for an unresolved surname.';
comment on column people.nationality is 'Country a role of the person states ("Belarusian opposition leader", "U.S. envoy"; the most stated); null when none does.';
comment on column people.nationality_iso2 is 'ISO 3166-1 alpha-2 code of nationality (countries.iso2).';
comment on column people.nationality_iso3 is 'ISO 3166-1 alpha-3 code of nationality.';

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
comment on column person_mentions.sent_idx is 'Sentence number within the document (0-based); the sentences of a picture''s caption are numbered from 1,000,000.';
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
    country_iso2    varchar,
    country_iso3    varchar,
    prisoner_count  bigint,
    count_qualifier varchar,
    summary         varchar,
    n_sources       bigint,
    date_source     varchar
);
-- warehouses made before country codes: the load makes the table again, this only lets its comments run
alter table events add column if not exists country_iso2 varchar;
alter table events add column if not exists country_iso3 varchar;
-- warehouses made before date_source (issue 22, class 5): null until their documents are extracted again
alter table events add column if not exists date_source varchar;
comment on column events.event_id is 'Stable id of the event.';
comment on column events.event_type is 'prisoner_release, negotiation, letter, diplomatic_visit, embassy_reopening, election, protest_crackdown, military_exercise, military_action.';
comment on column events.cameo_code is 'CAMEO event code where one fits (0841 prisoner_release, 046 negotiation, 020 letter, 042 diplomatic_visit, 050 embassy_reopening, 175 protest_crackdown, 150 military_exercise, 190 military_action).';
comment on column events.event_date is 'Best-supported date; null when no source fixes it.';
comment on column events.date_precision is 'day, week, month, year or unknown.';
comment on column events.date_text is 'The date as the text states it ("on Saturday", "September 11th").';
comment on column events.date_source is 'Where event_date comes from: sentence (a date a sentence states, a relative day such as "on Thursday" resolved against the publication date included) or published (no sentence dates the release a document reports as its own news: the earliest publication date of such a document; a release recalled in background is never dated so). A date from a sentence wins over a publication date across documents. Null when undated.';
comment on column events.country is 'Country where the event happened (for releases: the releasing country).';
comment on column events.country_iso2 is 'ISO 3166-1 alpha-2 code of country (countries.iso2); null when country names no country.';
comment on column events.country_iso3 is 'ISO 3166-1 alpha-3 code of country.';
comment on column events.prisoner_count is 'Number of people released (releases only).';
comment on column events.count_qualifier is 'exact, at_least ("more than 50"), about ("nearly 300"), at_most, or unknown (a release whose size is not said: prisoner_count is null).';
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

-- sanctions: one row per sanctions move (issuer, target, target country, action, date), merged across the sources that report it.
create table if not exists sanctions (
    sanction_id varchar primary key,
    issuer      varchar,
    issuer_text varchar,
    target      varchar not null,
    target_type varchar,
    target_country varchar,
    target_country_iso2 varchar,
    target_country_iso3 varchar,
    action      varchar not null,
    move_date   date,
    date_precision varchar,
    date_text   varchar,
    date_source varchar,
    reason      varchar,
    event_id    varchar,
    n_sources   bigint
);
-- warehouses made before these columns: the load makes the table again, this only lets its comments run
alter table sanctions add column if not exists target_country varchar;
alter table sanctions add column if not exists issuer_text varchar;
alter table sanctions add column if not exists target_country_iso2 varchar;
alter table sanctions add column if not exists target_country_iso3 varchar;
alter table sanctions add column if not exists move_date date;
alter table sanctions add column if not exists date_precision varchar;
alter table sanctions add column if not exists date_text varchar;
alter table sanctions add column if not exists date_source varchar;
comment on column sanctions.sanction_id is 'Stable id from issuer, target, target country, action and the move''s date.';
comment on column sanctions.issuer is 'Code of the sanctioning body (issuers.issuer): US, EU, UK, CA, UN, AU, JP, CH, G7, ECOWAS, WEST (Western nations the text does not name) or a state''s ISO code; null when unstated. A move by several bodies is one row per body.';
comment on column sanctions.issuer_text is 'The issuer as the source words it ("Washington", "the EU", "the United States and its Western allies").';
comment on column sanctions.target_country_iso2 is 'ISO 3166-1 alpha-2 code of target_country (countries.iso2).';
comment on column sanctions.target_country_iso3 is 'ISO 3166-1 alpha-3 code of target_country.';
comment on column sanctions.move_date is 'When the move took effect or was announced: the date its sentence states, else the earliest publication date of a document reporting it (date_source says which); null when neither is known.';
comment on column sanctions.date_precision is 'day, week, month, year or unknown.';
comment on column sanctions.date_text is 'The date as the sentence states it ("on Monday", "in March 2024"); null when move_date is a publication date.';
comment on column sanctions.date_source is 'sentence (stated by the text) or published (the publication date of the earliest report); null when undated.';
comment on column sanctions.target is 'What is sanctioned: a sector (potash), a company, a country or officials.';
comment on column sanctions.target_type is 'sector, company, country, officials or person.';
comment on column sanctions.target_country is 'Whose sector, company, officials or person it is (Belarusian potash: Belarus); the target itself for a country; null when no country is named.';
comment on column sanctions.action is 'lifted, eased, imposed, tightened, remain, proposed (discussed, not done).';
comment on column sanctions.reason is 'Stated reasons, "; "-separated.';
comment on column sanctions.event_id is 'Release event the move was traded for, when a source ties them.';
comment on column sanctions.n_sources is 'Number of documents that report it.';

-- countries: one row per country of ISO 3166-1 (and Kosovo, XK): the codes every country column joins on.
create table if not exists countries (
    iso2          varchar primary key,
    iso3          varchar not null,
    iso_numeric   varchar,
    name          varchar not null,
    iso_name      varchar not null,
    official_name varchar
);
comment on column countries.iso2 is 'ISO 3166-1 alpha-2 code (pycountry); XK for Kosovo (user-assigned).';
comment on column countries.iso3 is 'ISO 3166-1 alpha-3 code.';
comment on column countries.iso_numeric is 'ISO 3166-1 numeric code (null for XK).';
comment on column countries.name is 'The name the warehouse''s country columns use (events.country, sanctions.target_country, ...).';
comment on column countries.iso_name is 'ISO 3166-1 short name ("Russian Federation").';
comment on column countries.official_name is 'ISO 3166-1 official name, where it has one.';

-- issuers: one row per sanctioning body a sanctions.issuer code names.
create table if not exists issuers (
    issuer       varchar primary key,
    name         varchar not null,
    kind         varchar,
    country_iso2 varchar
);
comment on column issuers.issuer is 'Code of the body: US, EU, UK, CA, UN, AU, JP, CH, NZ, NO, KR, UA, G7, ECOWAS, WEST, or a state''s ISO 3166-1 alpha-2 code.';
comment on column issuers.name is 'Name of the body.';
comment on column issuers.kind is 'state, union (EU), organisation (UN) or group (G7, unnamed Western nations).';
comment on column issuers.country_iso2 is 'ISO 3166-1 alpha-2 code of the state (GB for UK); null for a union, organisation or group.';

-- sources: one row per outlet that published documents in the warehouse.
create table if not exists sources (
    source_id          varchar primary key,
    name               varchar not null,
    domain             varchar,
    n_documents        bigint,
    first_published_at date,
    last_published_at  date
);
comment on column sources.source_id is 'Stable id: a hash of the outlet''s name (metadata or page), else of the address''s domain, lower-cased.';
comment on column sources.name is 'Outlet name as its documents give it (the most frequent spelling), else its domain.';
comment on column sources.domain is 'Domain of its documents'' addresses (the most frequent, without www.); null when none has an address.';
comment on column sources.n_documents is 'Loaded documents from this outlet.';
comment on column sources.first_published_at is 'Earliest publication date of its documents (first seen).';
comment on column sources.last_published_at is 'Latest publication date of its documents (last seen).';

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
    date_text varchar, event_date date, date_precision varchar, sentence varchar, date_source varchar,
    not_before date, counterparts varchar[], freed_names varchar[]
);
-- warehouses made before date_source: their staging rows are all extracted again (EXTRACTOR_VERSION)
alter table stg_event_mentions add column if not exists date_source varchar;
alter table stg_event_mentions add column if not exists not_before date;
alter table stg_event_mentions add column if not exists counterparts varchar[];
alter table stg_event_mentions add column if not exists freed_names varchar[];
comment on table stg_event_mentions is 'Event mentions per sentence (input of event consolidation); date_source as in events (sentence, published or null), as in sanctions; not_before, for a release a page without a publication date leads with and no sentence dates, the latest past date the page states (the release is no older: it keeps it out of events dated long before); counterparts, for a counted release told as a swap (a swap word in its sentence or the one beside it), the other states named there (null otherwise): resolution makes one event of a swap one outlet tells as a release by one state and another as a release by the other; freed_names, for a release of one or two, the full names (folded) its sentence tells as freed (null otherwise): resolution keeps apart releases of one of a country whose mentions name different people (a sister freed a year before her brother).';
create table if not exists stg_sanction_mentions (
    doc_id varchar, sent_idx integer, char_start bigint, char_end bigint, issuer varchar,
    target varchar, target_type varchar, target_country varchar, action varchar, reason varchar,
    mentions_release boolean, sentence varchar, issuer_text varchar, move_date date, date_precision varchar,
    date_text varchar, date_source varchar
);
-- warehouses made before target_country and dates: their staging rows are all extracted again (EXTRACTOR_VERSION)
alter table stg_sanction_mentions add column if not exists target_country varchar;
alter table stg_sanction_mentions add column if not exists issuer_text varchar;
alter table stg_sanction_mentions add column if not exists move_date date;
alter table stg_sanction_mentions add column if not exists date_precision varchar;
alter table stg_sanction_mentions add column if not exists date_text varchar;
alter table stg_sanction_mentions add column if not exists date_source varchar;
comment on table stg_sanction_mentions is 'Sanction mentions per sentence (input of sanctions consolidation).';
create table if not exists stg_sentences (
    doc_id varchar, sent_idx integer, char_start bigint, char_end bigint, sentence varchar,
    is_headline boolean
);
comment on table stg_sentences is 'Sentences of documents that report a release (input of event_people linking).';
-- warehouses made before it have it empty: their documents are all extracted again (EXTRACTOR_VERSION -47e)
create table if not exists stg_freed_names (
    doc_id varchar, freed varchar[]
);
comment on table stg_freed_names is 'One row per document that reports a release: the sorted surnames it tells as freed (empty when none; input of event consolidation, which tells apart releases whose reports name different people).';
