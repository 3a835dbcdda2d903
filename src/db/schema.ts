/**
 * The database schema as SQL text. `src/db/schema.sql` is this text, committed so
 * researchers can read it; a unit test keeps the two identical. The reports table
 * has one column per fact key, generated from the fact-key catalogue.
 */
import { FACT_KEYS } from '../parse/factKeys';

export const SCHEMA_VERSION = 8;

function factColumns(): string {
  return FACT_KEYS.map((f, i) => {
    const type = f.unit === '万元' ? 'REAL' : 'INTEGER';
    const comma = i < FACT_KEYS.length - 1 ? ',' : ' ';
    return `  ${f.column.padEnd(44)} ${type}${comma.padEnd(9 - type.length)}-- ${f.label}${f.unit === '万元' ? '（万元）' : ''} [${f.templates.join('/')}]`;
  }).join('\n');
}

export const HEADER = `-- gongkai database schema, version ${SCHEMA_VERSION} (also PRAGMA user_version).
-- Generated from src/db/schema.ts; do not edit by hand (npm run schema rewrites it).
--
-- A build writes two kinds of file:
--   gongkai.sqlite          the core: one row per report in \`reports\`, with one
--                           column per fact key (DOMAIN.md), the key with '.' replaced
--                           by '_' (s3.denied.third_party.natural →
--                           s3_denied_third_party_natural); NULL means the report
--                           states no number there (blank, dash, text, or missing) —
--                           never a guessed 0. Every check result in reports.checks,
--                           failed checks with their evidence in \`failures\`.
--   detail-<hash>.sqlite.gz detail shards (gzip-compressed SQLite), each for a range of
--                           report_id (listed in the core's \`shards\`): every finding with
--                           its evidence, where each number was printed, and the prose.
--   part-<year>-<n>-<hash>.sqlite.gz, dir-<n>-<hash>.sqlite.gz  only when the core would
--                           exceed the split threshold (1 MB gzip): the rows of \`reports\`
--                           and \`failures\` of one year and one province each, and the
--                           \`organs\`, \`report_index\` and fine \`rollups\` of one province each
--                           (same tables as the core), listed in \`parts\` and \`directories\`.
--                           The core is then an index: the rollups, the lists, report_files.
-- report_id is the report's file's place in the sorted input (from 1).
-- To query everything: open the core, gunzip the shards and ATTACH them, e.g. in Python
--   open('detail-1a2b3c4d5e6f.sqlite', 'wb').write(gzip.open('detail-1a2b3c4d5e6f.sqlite.gz').read())
--   db.execute("ATTACH 'detail-1a2b3c4d5e6f.sqlite' AS d1")
-- and, when \`parts\` is not empty, copy each part's and directory's rows into the core:
--   db.execute("ATTACH 'part-2021-3.sqlite' AS p")
--   db.execute("INSERT INTO reports SELECT * FROM p.reports")   -- and failures, source_files,
--                                                                -- organs, report_index, rollups
`;

/** The core file: what every view of the site needs. */
export function coreSchemaSql(): string {
  return `-- ===== core file: gongkai.sqlite =====

-- Properties of this build: schema_version, parser_version, input_hash (SHA-256
-- over the inputs), reports_ok / reports_partial / reports_failed, findings_* counts,
-- large_download_bytes (the site asks the reader before a query downloads more than this),
-- built_at (the newest input's date — its last commit, or its modification time when not
-- committed; SOURCE_DATE_EPOCH overrides — never the clock).
CREATE TABLE build_info (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per organ. Reports of the same organ in different years share a row,
-- matched on match_key (simplified name without 人民政府/政府 variants) and division_code.
CREATE TABLE organs (
  organ_id        INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,   -- as written (manifest, else the latest report)
  name_simplified TEXT NOT NULL,   -- simplified characters
  match_key       TEXT NOT NULL,   -- normalised name used to match across years
  level           TEXT,            -- 乡镇 / 县级部门 / 县级政府 / 市级部门 / 市级政府 / …
  province        TEXT,
  city            TEXT,
  county          TEXT,
  division_code   TEXT,            -- national division code: township (9 digits) or county (6)
  organ_key       TEXT NOT NULL    -- stable id for links: hex of a hash of match_key and the county
                                   -- (8 digits, longer where two organs share a prefix); organ_id
                                   -- follows the input order and changes when files are added
);
CREATE UNIQUE INDEX organs_key ON organs (organ_key);
CREATE INDEX organs_region ON organs (province, city, county);
CREATE INDEX organs_level ON organs (level);

-- Every input file under data/reports/, with what became of it.
CREATE TABLE source_files (
  file_id  INTEGER PRIMARY KEY,
  file     TEXT NOT NULL UNIQUE,  -- path relative to data/reports/
  sha256   TEXT NOT NULL,         -- of the file's bytes
  bytes    INTEGER NOT NULL,
  encoding TEXT,                  -- utf-8 / gb18030 / html / pdf / docx …
  outcome  TEXT NOT NULL CHECK (outcome IN ('ok', 'partial', 'failed', 'skipped')),  -- skipped: a symlink or hidden entry, not read (sha256 '')
  reason   TEXT                   -- why partial, failed or skipped
);

-- One row per parsed report (failed files have no row here, only in source_files).
CREATE TABLE reports (
  report_id        INTEGER PRIMARY KEY,
  organ_id         INTEGER NOT NULL REFERENCES organs (organ_id),
  file_id          INTEGER NOT NULL REFERENCES source_files (file_id),
  organ_name       TEXT,      -- the organ as this report names it
  year             INTEGER,   -- the year reported on
  template         TEXT,      -- '2019' | '2021' | NULL (no template table in the text)
  period           TEXT,      -- statistical period if stated
  source_url       TEXT,      -- from the manifest (or the saved page)
  published        TEXT,      -- publication date YYYY-MM-DD, from the manifest (or the saved page)
  completeness     TEXT NOT NULL CHECK (completeness IN ('complete', 'partial', 'none')),
  duplicate        INTEGER NOT NULL DEFAULT 0,  -- 1 when another report has the same organ and year
  procurement_unit TEXT,      -- unit of s2_procurement_amount as written: 万元 / 元 / NULL (not stated)
  errors           INTEGER NOT NULL DEFAULT 0,  -- failed checks of severity error
  warnings         INTEGER NOT NULL DEFAULT 0,  -- failed checks of severity warning
  assessed         INTEGER NOT NULL DEFAULT 0,  -- applicable checks judged (passed or failed)
  passed           INTEGER NOT NULL DEFAULT 0,  -- of those, passed (pass rate = passed / assessed)
  unassessed       INTEGER NOT NULL DEFAULT 0,  -- applicable checks not assessable (an operand missing)
  partial          INTEGER NOT NULL DEFAULT 0,  -- 1: a check of the report's own tables (C04–C06,
                                                -- C12–C17) not assessable: shown as 仅部分可判断
  checks           TEXT NOT NULL,  -- one character per check C01…C28 in order: . not applicable,
                                   -- p pass, n not assessable, E/W/I fail (error/warning/info)
${factColumns()}
);
-- covering the filters and the overview's counts, so they need not read the wide rows
CREATE INDEX reports_year ON reports (year, template, organ_id, errors, warnings);
CREATE INDEX reports_organ ON reports (organ_id, year, template, errors, warnings);
CREATE INDEX reports_template ON reports (template);

-- One slim row per report: what the overview, the report list and the lookup of a
-- report's year or key read. A report's key in links is organs.organ_key || '-' ||
-- year (or 'x') || '-' || the first 6 hex of its source file's sha256. Here a view over reports; in a split index (see parts) a table
-- with every report's row — organ_name NULL there where it equals organs.name — so
-- those views need no part.
${REPORT_INDEX_VIEW}

-- Labels for every fact column, so a client can label anything without hard-coding.
${FACT_KEYS_TABLE}

-- The checks of CHECKS.md.
CREATE TABLE checks (
  check_id    TEXT PRIMARY KEY,  -- C01 … C28 (position in reports.checks = its number)
  grp         TEXT NOT NULL,     -- A … E
  group_label TEXT NOT NULL,
  title       TEXT NOT NULL,
  severity    TEXT NOT NULL,     -- usual severity; each finding carries its own
  scope       TEXT NOT NULL      -- report / collection (needs other reports)
) WITHOUT ROWID;

-- Every failed check, with the evidence a reader can verify.
CREATE TABLE failures (
  report_id INTEGER NOT NULL REFERENCES reports (report_id),
  check_id  TEXT NOT NULL REFERENCES checks (check_id),
  severity  TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  evidence  TEXT NOT NULL,  -- Chinese sentence with the actual numbers (the fact keys involved: findings.key_ids in the detail files)
  PRIMARY KEY (report_id, check_id)
) WITHOUT ROWID;
CREATE INDEX failures_check ON failures (check_id);

-- The detail shards: which file holds which reports.
CREATE TABLE shards (
  shard_id        INTEGER PRIMARY KEY,
  first_report_id INTEGER NOT NULL,
  last_report_id  INTEGER NOT NULL,
  file            TEXT NOT NULL,  -- detail-<first 12 hex of its SHA-256>.sqlite
  bytes           INTEGER NOT NULL
);

-- The comments of this schema (schema.sql) in the file itself, so a downloaded
-- database explains itself: one row per table and view of both kinds of file
-- (position 0) and per column (1 …, in order); the file's own header as table ''.
CREATE TABLE schema_docs (
  file        TEXT NOT NULL,     -- core / detail
  table_name  TEXT NOT NULL,
  position    INTEGER NOT NULL,  -- 0: the table itself; 1 …: its columns in order
  column_name TEXT,              -- NULL for the table
  type        TEXT,              -- the column as declared (type and constraints); table / view at position 0
  doc         TEXT NOT NULL,     -- the comment in schema.sql ('' where there is none)
  PRIMARY KEY (file, table_name, position)
) WITHOUT ROWID;

-- The part files, when the build split the core (empty otherwise): the
-- rows of reports and failures of each year and province are in its part, not in this file.
CREATE TABLE parts (
  part_id  INTEGER PRIMARY KEY,
  year     INTEGER,          -- the reports' year; NULL for reports without a year
  province TEXT,             -- the reports' organs' province; NULL: unknown
  file     TEXT NOT NULL,    -- part-<year|unknown>-<directory_id of the province>-<first 12 hex of its SHA-256>.sqlite.gz
  reports INTEGER NOT NULL,  -- rows of reports in the part
  bytes   INTEGER NOT NULL
);

-- The leaders file, when the build split the core (no row otherwise): the rows of
-- reports, failures, organs and source_files of the reports at the top of the
-- national lists — per year and template, the first 25 of each ranked column (主动公开,
-- 采购), the 40 of the 合规 matrix and the reports of the first 500 failures — so the
-- views unfiltered by place, level or organ show them without every part.
CREATE TABLE leaders (
  file    TEXT NOT NULL,     -- leaders-<first 12 hex of its SHA-256>.sqlite.gz
  reports INTEGER NOT NULL,
  bytes   INTEGER NOT NULL
);

-- The national counts of each check, per year and template, in a split index (empty
-- otherwise: the reports table answers): reports whose check passed, failed (any
-- severity) or could not be assessed.
CREATE TABLE national_checks (
  year     INTEGER,
  template TEXT,
  check_id TEXT NOT NULL,
  pass     INTEGER NOT NULL,
  fail     INTEGER NOT NULL,
  na       INTEGER NOT NULL
);

-- Reports per pass-rate decile (bin 0 … 9, the last holding 100%; -1 仅部分可判断;
-- -2 no check could be judged), per year and template, in a split index (empty otherwise).
CREATE TABLE national_bins (
  year     INTEGER,
  template TEXT,
  bin      INTEGER NOT NULL,
  reports  INTEGER NOT NULL,
  assessed INTEGER NOT NULL
);

-- The per-province directory files, when the build split the core (empty
-- otherwise): the organs, report_index rows and fine rollups of one province.
CREATE TABLE directories (
  directory_id INTEGER PRIMARY KEY,
  province     TEXT,              -- NULL: organs whose province is unknown
  file         TEXT NOT NULL,     -- dir-<n>-<first 12 hex of its SHA-256>.sqlite.gz
  organs       INTEGER NOT NULL,
  reports      INTEGER NOT NULL,
  bytes        INTEGER NOT NULL
);

-- Where a report's rows are in a split build (empty otherwise): for the report ids
-- first_report_id … first_report_id + length(directory) − 1, bytes 2k and 2k+1 of \`part\`
-- are the parts.part_id (little-endian) and byte k of \`directory\` the
-- directories.directory_id of report first_report_id + k (0: no such report).
-- In Python: int.from_bytes(part[2*k:2*k+2], 'little'), directory[k].
CREATE TABLE report_files (
  first_report_id INTEGER PRIMARY KEY,
  part            BLOB NOT NULL,
  directory       BLOB NOT NULL
);

-- Sums and counts per year, template, province and level, from which the views'
-- figures come unless they are filtered to a city, a county or one organ:
-- reports, with_errors (of them with an error-level failure), partial (judged only in
-- part: reports.partial), and for every fact
-- column c: sum_c (NULL when no report states it) and n_c (reports stating it).
${ROLLUP_TABLE('rollups_province', ['province'])}

-- Organs per place and level (every organ has a report): the filters' lists of
-- places and levels, and the overview's organ and county counts.
CREATE TABLE organ_counts (
  province TEXT,
  city     TEXT,
  county   TEXT,
  level    TEXT,
  organs   INTEGER NOT NULL
);
`;
}

/** Fact columns of the rollups: sum_<column> and n_<column> for every fact key. */
export const ROLLUP_FACT_COLUMNS = FACT_KEYS.flatMap((f) => [`sum_${f.column}`, `n_${f.column}`]);

const ROLLUP_PLACE = ['province', 'city', 'county'] as const;

function ROLLUP_TABLE(name: string, place: readonly string[]): string {
  const facts = FACT_KEYS.map((f) => `  sum_${f.column} ${f.unit === '万元' ? 'REAL' : 'INTEGER'}, n_${f.column} INTEGER NOT NULL`).join(',\n');
  return `CREATE TABLE ${name} (
  year        INTEGER,
  template    TEXT,
${place.map((p) => `  ${p} TEXT,`).join('\n')}
  level       TEXT,
  reports     INTEGER NOT NULL,
  with_errors INTEGER NOT NULL,
  partial     INTEGER NOT NULL,
${facts}
);`;
}

/** The fine rollups (a split build's directories hold each province's): by city and county too. */
export const ROLLUP_FINE_TABLE = ROLLUP_TABLE('rollups', ROLLUP_PLACE);

/** The rollups of a set of reports (an alias `src` for another database, or main) grouped by `place`. */
export function rollupInsert(table: string, place: readonly string[], from: string, where = '1'): string {
  const keys = ['year', 'template', ...place, 'level'];
  const cols = [...keys, 'reports', 'with_errors', 'partial', ...ROLLUP_FACT_COLUMNS];
  const facts = FACT_KEYS.map((f) => `SUM(r.${f.column}), COUNT(r.${f.column})`).join(', ');
  const sel = keys.map((k) => (k === 'year' || k === 'template' ? `r.${k}` : `o.${k}`)).join(', ');
  return `INSERT INTO ${table} (${cols.join(', ')})
  SELECT ${sel}, COUNT(*), SUM(r.errors > 0), SUM(r.partial), ${facts}
  FROM ${from}reports r JOIN ${from}organs o ON o.organ_id = r.organ_id WHERE ${where}
  GROUP BY ${keys.map((_, i) => i + 1).join(', ')} ORDER BY ${keys.map((_, i) => i + 1).join(', ')}`;
}

/** Run at the end of a build, over the whole core. */
export const ROLLUP_SQL: readonly string[] = [
  rollupInsert('rollups_province', ['province'], ''),
  `INSERT INTO organ_counts (province, city, county, level, organs)
   SELECT province, city, county, level, COUNT(*) FROM organs GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
];

const REPORT_INDEX_COLUMNS = 'report_id, organ_id, file_id, organ_name, year, template, errors, warnings, assessed, passed, unassessed, partial';

const REPORT_INDEX_VIEW = `CREATE VIEW report_index AS
  SELECT ${REPORT_INDEX_COLUMNS} FROM reports;`;

/** The split index's table in place of the view (indexed for the organ filter and the year lookups). */
export const REPORT_INDEX_TABLE = `CREATE TABLE report_index (
  report_id  INTEGER PRIMARY KEY,
  organ_id   INTEGER NOT NULL,
  file_id    INTEGER NOT NULL,
  organ_name TEXT,
  year       INTEGER,
  template   TEXT,
  errors     INTEGER NOT NULL,
  warnings   INTEGER NOT NULL,
  assessed   INTEGER NOT NULL,
  passed     INTEGER NOT NULL,
  unassessed INTEGER NOT NULL,
  partial    INTEGER NOT NULL
);
CREATE INDEX report_index_organ ON report_index (organ_id, year);`;

const FACT_KEYS_TABLE = `CREATE TABLE fact_keys (
  key_id      INTEGER PRIMARY KEY,  -- template order
  key         TEXT NOT NULL UNIQUE, -- s3.granted.natural
  column_name TEXT NOT NULL UNIQUE, -- s3_granted_natural
  section     TEXT NOT NULL,        -- s1 / s2 / s3 / s4
  row_label   TEXT NOT NULL,        -- 行政许可
  col_label   TEXT NOT NULL,        -- 处理决定数量
  label       TEXT NOT NULL,        -- 行政许可 · 处理决定数量
  unit        TEXT NOT NULL,        -- 件 / 项 / 条 / 万元
  templates   TEXT NOT NULL         -- '2019', '2021' or '2019,2021'
);`;

/** A detail shard: everything about a range of reports that only 报告详情 needs. */
export function detailSchemaSql(): string {
  return `-- ===== detail files: detail-<hash>.sqlite =====

-- The same labels as the core's fact_keys (cell_sources refers to key_id).
${FACT_KEYS_TABLE}

-- One finding per report and applicable check (CHECKS.md ids), pass, fail or not assessable.
CREATE TABLE findings (
  report_id INTEGER NOT NULL,   -- reports.report_id in the core
  check_id  TEXT NOT NULL,      -- C01 … C28
  status    TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'na')),
  severity  TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  evidence  TEXT NOT NULL,      -- Chinese sentence with the actual numbers
  key_ids   TEXT NOT NULL,      -- the fact keys involved: fact_keys.key_id, space-separated
  PRIMARY KEY (report_id, check_id)
) WITHOUT ROWID;

-- Where each number was printed: one row per cell the report states (missing cells
-- have none). line is 1-based in the decoded text; source_lines holds that line.
CREATE TABLE cell_sources (
  report_id INTEGER NOT NULL,
  key_id    INTEGER NOT NULL REFERENCES fact_keys (key_id),
  state     TEXT NOT NULL CHECK (state IN ('number', 'blank', 'dash', 'text')),
  line      INTEGER,  -- NULL when the cell is not on a known line
  raw       TEXT,     -- the cell as printed, when it differs from the number
  read      TEXT CHECK (read IN ('printed', 'split', 'ordered')),
                      -- how the number was read: printed in a cell of its own; split from a
                      -- run of figures printed without separators (the only reading the row
                      -- and the table's sums allow); ordered: placed in its row by the
                      -- template's order, its label detached, confirmed by the sums.
                      -- NULL for blanks, dashes and text.
  PRIMARY KEY (report_id, key_id)
) WITHOUT ROWID;

-- The source lines cells came from (each stored once per report).
CREATE TABLE source_lines (
  report_id INTEGER NOT NULL,
  line      INTEGER NOT NULL,
  text      TEXT NOT NULL,
  locator   TEXT,  -- for HTML/Word/PDF inputs: table and row (表2 第5行) or page and position
  PRIMARY KEY (report_id, line)
) WITHOUT ROWID;

-- The six sections as found (heading and line span); text for the prose sections 一, 五, 六.
CREATE TABLE report_sections (
  report_id  INTEGER NOT NULL,
  section    INTEGER NOT NULL,  -- 1 … 6
  heading    TEXT NOT NULL,
  start_line INTEGER NOT NULL,
  end_line   INTEGER NOT NULL,
  text       TEXT,              -- prose of 一, 五, 六; NULL for the tables
  PRIMARY KEY (report_id, section)
) WITHOUT ROWID;

-- Every stated cell with its key, label, source line.
CREATE VIEW cell_provenance AS
  SELECT c.report_id, k.key, k.label, c.state, c.line, COALESCE(c.raw, '') AS raw, c.read, l.text AS line_text, l.locator
  FROM cell_sources c
  JOIN fact_keys k USING (key_id)
  LEFT JOIN source_lines l ON l.report_id = c.report_id AND l.line = c.line;
`;
}

/** schema.sql: both files, documented. */
export function schemaSql(): string {
  return `${HEADER}\n${coreSchemaSql()}\n${detailSchemaSql()}`;
}
