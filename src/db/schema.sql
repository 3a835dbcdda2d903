-- gongkai database schema, version 8 (also PRAGMA user_version).
-- Generated from src/db/schema.ts; do not edit by hand (npm run schema rewrites it).
--
-- A build writes two kinds of file:
--   gongkai.sqlite          the core: one row per report in `reports`, with one
--                           column per fact key (DOMAIN.md), the key with '.' replaced
--                           by '_' (s3.denied.third_party.natural →
--                           s3_denied_third_party_natural); NULL means the report
--                           states no number there (blank, dash, text, or missing) —
--                           never a guessed 0. Every check result in reports.checks,
--                           failed checks with their evidence in `failures`.
--   detail-<hash>.sqlite.gz detail shards (gzip-compressed SQLite), each for a range of
--                           report_id (listed in the core's `shards`): every finding with
--                           its evidence, where each number was printed, and the prose.
--   part-<year>-<n>-<hash>.sqlite.gz, dir-<n>-<hash>.sqlite.gz  only when the core would
--                           exceed the split threshold (1 MB gzip): the rows of `reports`
--                           and `failures` of one year and one province each, and the
--                           `organs`, `report_index` and fine `rollups` of one province each
--                           (same tables as the core), listed in `parts` and `directories`.
--                           The core is then an index: the rollups, the lists, report_files.
-- report_id is the report's file's place in the sorted input (from 1).
-- To query everything: open the core, gunzip the shards and ATTACH them, e.g. in Python
--   open('detail-1a2b3c4d5e6f.sqlite', 'wb').write(gzip.open('detail-1a2b3c4d5e6f.sqlite.gz').read())
--   db.execute("ATTACH 'detail-1a2b3c4d5e6f.sqlite' AS d1")
-- and, when `parts` is not empty, copy each part's and directory's rows into the core:
--   db.execute("ATTACH 'part-2021-3.sqlite' AS p")
--   db.execute("INSERT INTO reports SELECT * FROM p.reports")   -- and failures, source_files,
--                                                                -- organs, report_index, rollups

-- ===== core file: gongkai.sqlite =====

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
  s1_proactive_total                           INTEGER, -- 主动公开政府信息总数（第一部分所述） [2019/2021]
  s2_rules_new                                 INTEGER, -- 规章 · 本年新制作数量 [2019]
  s2_rules_published                           INTEGER, -- 规章 · 本年新公开数量 [2019]
  s2_rules_total                               INTEGER, -- 规章 · 对外公开总数量 [2019]
  s2_normative_new                             INTEGER, -- 规范性文件 · 本年新制作数量 [2019]
  s2_normative_published                       INTEGER, -- 规范性文件 · 本年新公开数量 [2019]
  s2_normative_total                           INTEGER, -- 规范性文件 · 对外公开总数量 [2019]
  s2_licensing_prev                            INTEGER, -- 行政许可 · 上一年项目数量 [2019]
  s2_licensing_delta                           INTEGER, -- 行政许可 · 本年增/减 [2019]
  s2_licensing_decisions                       INTEGER, -- 行政许可 · 处理决定数量 [2019/2021]
  s2_other_services_prev                       INTEGER, -- 其他对外管理服务事项 · 上一年项目数量 [2019]
  s2_other_services_delta                      INTEGER, -- 其他对外管理服务事项 · 本年增/减 [2019]
  s2_other_services_decisions                  INTEGER, -- 其他对外管理服务事项 · 处理决定数量 [2019]
  s2_punishment_prev                           INTEGER, -- 行政处罚 · 上一年项目数量 [2019]
  s2_punishment_delta                          INTEGER, -- 行政处罚 · 本年增/减 [2019]
  s2_punishment_decisions                      INTEGER, -- 行政处罚 · 处理决定数量 [2019/2021]
  s2_enforcement_prev                          INTEGER, -- 行政强制 · 上一年项目数量 [2019]
  s2_enforcement_delta                         INTEGER, -- 行政强制 · 本年增/减 [2019]
  s2_enforcement_decisions                     INTEGER, -- 行政强制 · 处理决定数量 [2019/2021]
  s2_fees_prev                                 INTEGER, -- 行政事业性收费 · 上一年项目数量 [2019]
  s2_fees_delta                                INTEGER, -- 行政事业性收费 · 本年增/减 [2019]
  s2_procurement_count                         INTEGER, -- 政府集中采购 · 采购项目数量 [2019]
  s2_procurement_amount                        REAL,    -- 政府集中采购 · 采购总金额（万元） [2019]
  s2_rules_issued                              INTEGER, -- 规章 · 本年制发件数 [2021]
  s2_rules_repealed                            INTEGER, -- 规章 · 本年废止件数 [2021]
  s2_rules_in_force                            INTEGER, -- 规章 · 现行有效件数 [2021]
  s2_normative_issued                          INTEGER, -- 行政规范性文件 · 本年制发件数 [2021]
  s2_normative_repealed                        INTEGER, -- 行政规范性文件 · 本年废止件数 [2021]
  s2_normative_in_force                        INTEGER, -- 行政规范性文件 · 现行有效件数 [2021]
  s2_fees_amount                               REAL,    -- 行政事业性收费 · 本年收费金额（万元） [2021]
  s3_new_natural                               INTEGER, -- 一、本年新收政府信息公开申请数量 · 自然人 [2019/2021]
  s3_new_commercial                            INTEGER, -- 一、本年新收政府信息公开申请数量 · 商业企业 [2019/2021]
  s3_new_research                              INTEGER, -- 一、本年新收政府信息公开申请数量 · 科研机构 [2019/2021]
  s3_new_social                                INTEGER, -- 一、本年新收政府信息公开申请数量 · 社会公益组织 [2019/2021]
  s3_new_legal                                 INTEGER, -- 一、本年新收政府信息公开申请数量 · 法律服务机构 [2019/2021]
  s3_new_other_org                             INTEGER, -- 一、本年新收政府信息公开申请数量 · 其他 [2019/2021]
  s3_new_total                                 INTEGER, -- 一、本年新收政府信息公开申请数量 · 总计 [2019/2021]
  s3_carried_over_natural                      INTEGER, -- 二、上年结转政府信息公开申请数量 · 自然人 [2019/2021]
  s3_carried_over_commercial                   INTEGER, -- 二、上年结转政府信息公开申请数量 · 商业企业 [2019/2021]
  s3_carried_over_research                     INTEGER, -- 二、上年结转政府信息公开申请数量 · 科研机构 [2019/2021]
  s3_carried_over_social                       INTEGER, -- 二、上年结转政府信息公开申请数量 · 社会公益组织 [2019/2021]
  s3_carried_over_legal                        INTEGER, -- 二、上年结转政府信息公开申请数量 · 法律服务机构 [2019/2021]
  s3_carried_over_other_org                    INTEGER, -- 二、上年结转政府信息公开申请数量 · 其他 [2019/2021]
  s3_carried_over_total                        INTEGER, -- 二、上年结转政府信息公开申请数量 · 总计 [2019/2021]
  s3_granted_natural                           INTEGER, -- （一）予以公开 · 自然人 [2019/2021]
  s3_granted_commercial                        INTEGER, -- （一）予以公开 · 商业企业 [2019/2021]
  s3_granted_research                          INTEGER, -- （一）予以公开 · 科研机构 [2019/2021]
  s3_granted_social                            INTEGER, -- （一）予以公开 · 社会公益组织 [2019/2021]
  s3_granted_legal                             INTEGER, -- （一）予以公开 · 法律服务机构 [2019/2021]
  s3_granted_other_org                         INTEGER, -- （一）予以公开 · 其他 [2019/2021]
  s3_granted_total                             INTEGER, -- （一）予以公开 · 总计 [2019/2021]
  s3_partial_natural                           INTEGER, -- （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 自然人 [2019/2021]
  s3_partial_commercial                        INTEGER, -- （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 商业企业 [2019/2021]
  s3_partial_research                          INTEGER, -- （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 科研机构 [2019/2021]
  s3_partial_social                            INTEGER, -- （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 社会公益组织 [2019/2021]
  s3_partial_legal                             INTEGER, -- （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 法律服务机构 [2019/2021]
  s3_partial_other_org                         INTEGER, -- （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 其他 [2019/2021]
  s3_partial_total                             INTEGER, -- （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 总计 [2019/2021]
  s3_denied_secret_natural                     INTEGER, -- （三）不予公开 1.属于国家秘密 · 自然人 [2019/2021]
  s3_denied_secret_commercial                  INTEGER, -- （三）不予公开 1.属于国家秘密 · 商业企业 [2019/2021]
  s3_denied_secret_research                    INTEGER, -- （三）不予公开 1.属于国家秘密 · 科研机构 [2019/2021]
  s3_denied_secret_social                      INTEGER, -- （三）不予公开 1.属于国家秘密 · 社会公益组织 [2019/2021]
  s3_denied_secret_legal                       INTEGER, -- （三）不予公开 1.属于国家秘密 · 法律服务机构 [2019/2021]
  s3_denied_secret_other_org                   INTEGER, -- （三）不予公开 1.属于国家秘密 · 其他 [2019/2021]
  s3_denied_secret_total                       INTEGER, -- （三）不予公开 1.属于国家秘密 · 总计 [2019/2021]
  s3_denied_law_natural                        INTEGER, -- （三）不予公开 2.其他法律行政法规禁止公开 · 自然人 [2019/2021]
  s3_denied_law_commercial                     INTEGER, -- （三）不予公开 2.其他法律行政法规禁止公开 · 商业企业 [2019/2021]
  s3_denied_law_research                       INTEGER, -- （三）不予公开 2.其他法律行政法规禁止公开 · 科研机构 [2019/2021]
  s3_denied_law_social                         INTEGER, -- （三）不予公开 2.其他法律行政法规禁止公开 · 社会公益组织 [2019/2021]
  s3_denied_law_legal                          INTEGER, -- （三）不予公开 2.其他法律行政法规禁止公开 · 法律服务机构 [2019/2021]
  s3_denied_law_other_org                      INTEGER, -- （三）不予公开 2.其他法律行政法规禁止公开 · 其他 [2019/2021]
  s3_denied_law_total                          INTEGER, -- （三）不予公开 2.其他法律行政法规禁止公开 · 总计 [2019/2021]
  s3_denied_security_natural                   INTEGER, -- （三）不予公开 3.危及“三安全一稳定” · 自然人 [2019/2021]
  s3_denied_security_commercial                INTEGER, -- （三）不予公开 3.危及“三安全一稳定” · 商业企业 [2019/2021]
  s3_denied_security_research                  INTEGER, -- （三）不予公开 3.危及“三安全一稳定” · 科研机构 [2019/2021]
  s3_denied_security_social                    INTEGER, -- （三）不予公开 3.危及“三安全一稳定” · 社会公益组织 [2019/2021]
  s3_denied_security_legal                     INTEGER, -- （三）不予公开 3.危及“三安全一稳定” · 法律服务机构 [2019/2021]
  s3_denied_security_other_org                 INTEGER, -- （三）不予公开 3.危及“三安全一稳定” · 其他 [2019/2021]
  s3_denied_security_total                     INTEGER, -- （三）不予公开 3.危及“三安全一稳定” · 总计 [2019/2021]
  s3_denied_third_party_natural                INTEGER, -- （三）不予公开 4.保护第三方合法权益 · 自然人 [2019/2021]
  s3_denied_third_party_commercial             INTEGER, -- （三）不予公开 4.保护第三方合法权益 · 商业企业 [2019/2021]
  s3_denied_third_party_research               INTEGER, -- （三）不予公开 4.保护第三方合法权益 · 科研机构 [2019/2021]
  s3_denied_third_party_social                 INTEGER, -- （三）不予公开 4.保护第三方合法权益 · 社会公益组织 [2019/2021]
  s3_denied_third_party_legal                  INTEGER, -- （三）不予公开 4.保护第三方合法权益 · 法律服务机构 [2019/2021]
  s3_denied_third_party_other_org              INTEGER, -- （三）不予公开 4.保护第三方合法权益 · 其他 [2019/2021]
  s3_denied_third_party_total                  INTEGER, -- （三）不予公开 4.保护第三方合法权益 · 总计 [2019/2021]
  s3_denied_internal_natural                   INTEGER, -- （三）不予公开 5.属于三类内部事务信息 · 自然人 [2019/2021]
  s3_denied_internal_commercial                INTEGER, -- （三）不予公开 5.属于三类内部事务信息 · 商业企业 [2019/2021]
  s3_denied_internal_research                  INTEGER, -- （三）不予公开 5.属于三类内部事务信息 · 科研机构 [2019/2021]
  s3_denied_internal_social                    INTEGER, -- （三）不予公开 5.属于三类内部事务信息 · 社会公益组织 [2019/2021]
  s3_denied_internal_legal                     INTEGER, -- （三）不予公开 5.属于三类内部事务信息 · 法律服务机构 [2019/2021]
  s3_denied_internal_other_org                 INTEGER, -- （三）不予公开 5.属于三类内部事务信息 · 其他 [2019/2021]
  s3_denied_internal_total                     INTEGER, -- （三）不予公开 5.属于三类内部事务信息 · 总计 [2019/2021]
  s3_denied_process_natural                    INTEGER, -- （三）不予公开 6.属于四类过程性信息 · 自然人 [2019/2021]
  s3_denied_process_commercial                 INTEGER, -- （三）不予公开 6.属于四类过程性信息 · 商业企业 [2019/2021]
  s3_denied_process_research                   INTEGER, -- （三）不予公开 6.属于四类过程性信息 · 科研机构 [2019/2021]
  s3_denied_process_social                     INTEGER, -- （三）不予公开 6.属于四类过程性信息 · 社会公益组织 [2019/2021]
  s3_denied_process_legal                      INTEGER, -- （三）不予公开 6.属于四类过程性信息 · 法律服务机构 [2019/2021]
  s3_denied_process_other_org                  INTEGER, -- （三）不予公开 6.属于四类过程性信息 · 其他 [2019/2021]
  s3_denied_process_total                      INTEGER, -- （三）不予公开 6.属于四类过程性信息 · 总计 [2019/2021]
  s3_denied_enforcement_file_natural           INTEGER, -- （三）不予公开 7.属于行政执法案卷 · 自然人 [2019/2021]
  s3_denied_enforcement_file_commercial        INTEGER, -- （三）不予公开 7.属于行政执法案卷 · 商业企业 [2019/2021]
  s3_denied_enforcement_file_research          INTEGER, -- （三）不予公开 7.属于行政执法案卷 · 科研机构 [2019/2021]
  s3_denied_enforcement_file_social            INTEGER, -- （三）不予公开 7.属于行政执法案卷 · 社会公益组织 [2019/2021]
  s3_denied_enforcement_file_legal             INTEGER, -- （三）不予公开 7.属于行政执法案卷 · 法律服务机构 [2019/2021]
  s3_denied_enforcement_file_other_org         INTEGER, -- （三）不予公开 7.属于行政执法案卷 · 其他 [2019/2021]
  s3_denied_enforcement_file_total             INTEGER, -- （三）不予公开 7.属于行政执法案卷 · 总计 [2019/2021]
  s3_denied_inquiry_natural                    INTEGER, -- （三）不予公开 8.属于行政查询事项 · 自然人 [2019/2021]
  s3_denied_inquiry_commercial                 INTEGER, -- （三）不予公开 8.属于行政查询事项 · 商业企业 [2019/2021]
  s3_denied_inquiry_research                   INTEGER, -- （三）不予公开 8.属于行政查询事项 · 科研机构 [2019/2021]
  s3_denied_inquiry_social                     INTEGER, -- （三）不予公开 8.属于行政查询事项 · 社会公益组织 [2019/2021]
  s3_denied_inquiry_legal                      INTEGER, -- （三）不予公开 8.属于行政查询事项 · 法律服务机构 [2019/2021]
  s3_denied_inquiry_other_org                  INTEGER, -- （三）不予公开 8.属于行政查询事项 · 其他 [2019/2021]
  s3_denied_inquiry_total                      INTEGER, -- （三）不予公开 8.属于行政查询事项 · 总计 [2019/2021]
  s3_unable_not_held_natural                   INTEGER, -- （四）无法提供 1.本机关不掌握相关政府信息 · 自然人 [2019/2021]
  s3_unable_not_held_commercial                INTEGER, -- （四）无法提供 1.本机关不掌握相关政府信息 · 商业企业 [2019/2021]
  s3_unable_not_held_research                  INTEGER, -- （四）无法提供 1.本机关不掌握相关政府信息 · 科研机构 [2019/2021]
  s3_unable_not_held_social                    INTEGER, -- （四）无法提供 1.本机关不掌握相关政府信息 · 社会公益组织 [2019/2021]
  s3_unable_not_held_legal                     INTEGER, -- （四）无法提供 1.本机关不掌握相关政府信息 · 法律服务机构 [2019/2021]
  s3_unable_not_held_other_org                 INTEGER, -- （四）无法提供 1.本机关不掌握相关政府信息 · 其他 [2019/2021]
  s3_unable_not_held_total                     INTEGER, -- （四）无法提供 1.本机关不掌握相关政府信息 · 总计 [2019/2021]
  s3_unable_needs_creation_natural             INTEGER, -- （四）无法提供 2.没有现成信息需要另行制作 · 自然人 [2019/2021]
  s3_unable_needs_creation_commercial          INTEGER, -- （四）无法提供 2.没有现成信息需要另行制作 · 商业企业 [2019/2021]
  s3_unable_needs_creation_research            INTEGER, -- （四）无法提供 2.没有现成信息需要另行制作 · 科研机构 [2019/2021]
  s3_unable_needs_creation_social              INTEGER, -- （四）无法提供 2.没有现成信息需要另行制作 · 社会公益组织 [2019/2021]
  s3_unable_needs_creation_legal               INTEGER, -- （四）无法提供 2.没有现成信息需要另行制作 · 法律服务机构 [2019/2021]
  s3_unable_needs_creation_other_org           INTEGER, -- （四）无法提供 2.没有现成信息需要另行制作 · 其他 [2019/2021]
  s3_unable_needs_creation_total               INTEGER, -- （四）无法提供 2.没有现成信息需要另行制作 · 总计 [2019/2021]
  s3_unable_unclear_natural                    INTEGER, -- （四）无法提供 3.补正后申请内容仍不明确 · 自然人 [2019/2021]
  s3_unable_unclear_commercial                 INTEGER, -- （四）无法提供 3.补正后申请内容仍不明确 · 商业企业 [2019/2021]
  s3_unable_unclear_research                   INTEGER, -- （四）无法提供 3.补正后申请内容仍不明确 · 科研机构 [2019/2021]
  s3_unable_unclear_social                     INTEGER, -- （四）无法提供 3.补正后申请内容仍不明确 · 社会公益组织 [2019/2021]
  s3_unable_unclear_legal                      INTEGER, -- （四）无法提供 3.补正后申请内容仍不明确 · 法律服务机构 [2019/2021]
  s3_unable_unclear_other_org                  INTEGER, -- （四）无法提供 3.补正后申请内容仍不明确 · 其他 [2019/2021]
  s3_unable_unclear_total                      INTEGER, -- （四）无法提供 3.补正后申请内容仍不明确 · 总计 [2019/2021]
  s3_rejected_petition_natural                 INTEGER, -- （五）不予处理 1.信访举报投诉类申请 · 自然人 [2019/2021]
  s3_rejected_petition_commercial              INTEGER, -- （五）不予处理 1.信访举报投诉类申请 · 商业企业 [2019/2021]
  s3_rejected_petition_research                INTEGER, -- （五）不予处理 1.信访举报投诉类申请 · 科研机构 [2019/2021]
  s3_rejected_petition_social                  INTEGER, -- （五）不予处理 1.信访举报投诉类申请 · 社会公益组织 [2019/2021]
  s3_rejected_petition_legal                   INTEGER, -- （五）不予处理 1.信访举报投诉类申请 · 法律服务机构 [2019/2021]
  s3_rejected_petition_other_org               INTEGER, -- （五）不予处理 1.信访举报投诉类申请 · 其他 [2019/2021]
  s3_rejected_petition_total                   INTEGER, -- （五）不予处理 1.信访举报投诉类申请 · 总计 [2019/2021]
  s3_rejected_repeat_natural                   INTEGER, -- （五）不予处理 2.重复申请 · 自然人 [2019/2021]
  s3_rejected_repeat_commercial                INTEGER, -- （五）不予处理 2.重复申请 · 商业企业 [2019/2021]
  s3_rejected_repeat_research                  INTEGER, -- （五）不予处理 2.重复申请 · 科研机构 [2019/2021]
  s3_rejected_repeat_social                    INTEGER, -- （五）不予处理 2.重复申请 · 社会公益组织 [2019/2021]
  s3_rejected_repeat_legal                     INTEGER, -- （五）不予处理 2.重复申请 · 法律服务机构 [2019/2021]
  s3_rejected_repeat_other_org                 INTEGER, -- （五）不予处理 2.重复申请 · 其他 [2019/2021]
  s3_rejected_repeat_total                     INTEGER, -- （五）不予处理 2.重复申请 · 总计 [2019/2021]
  s3_rejected_publication_natural              INTEGER, -- （五）不予处理 3.要求提供公开出版物 · 自然人 [2019/2021]
  s3_rejected_publication_commercial           INTEGER, -- （五）不予处理 3.要求提供公开出版物 · 商业企业 [2019/2021]
  s3_rejected_publication_research             INTEGER, -- （五）不予处理 3.要求提供公开出版物 · 科研机构 [2019/2021]
  s3_rejected_publication_social               INTEGER, -- （五）不予处理 3.要求提供公开出版物 · 社会公益组织 [2019/2021]
  s3_rejected_publication_legal                INTEGER, -- （五）不予处理 3.要求提供公开出版物 · 法律服务机构 [2019/2021]
  s3_rejected_publication_other_org            INTEGER, -- （五）不予处理 3.要求提供公开出版物 · 其他 [2019/2021]
  s3_rejected_publication_total                INTEGER, -- （五）不予处理 3.要求提供公开出版物 · 总计 [2019/2021]
  s3_rejected_mass_natural                     INTEGER, -- （五）不予处理 4.无正当理由大量反复申请 · 自然人 [2019/2021]
  s3_rejected_mass_commercial                  INTEGER, -- （五）不予处理 4.无正当理由大量反复申请 · 商业企业 [2019/2021]
  s3_rejected_mass_research                    INTEGER, -- （五）不予处理 4.无正当理由大量反复申请 · 科研机构 [2019/2021]
  s3_rejected_mass_social                      INTEGER, -- （五）不予处理 4.无正当理由大量反复申请 · 社会公益组织 [2019/2021]
  s3_rejected_mass_legal                       INTEGER, -- （五）不予处理 4.无正当理由大量反复申请 · 法律服务机构 [2019/2021]
  s3_rejected_mass_other_org                   INTEGER, -- （五）不予处理 4.无正当理由大量反复申请 · 其他 [2019/2021]
  s3_rejected_mass_total                       INTEGER, -- （五）不予处理 4.无正当理由大量反复申请 · 总计 [2019/2021]
  s3_rejected_confirm_natural                  INTEGER, -- （五）不予处理 5.要求行政机关确认或重新出具已获取信息 · 自然人 [2019/2021]
  s3_rejected_confirm_commercial               INTEGER, -- （五）不予处理 5.要求行政机关确认或重新出具已获取信息 · 商业企业 [2019/2021]
  s3_rejected_confirm_research                 INTEGER, -- （五）不予处理 5.要求行政机关确认或重新出具已获取信息 · 科研机构 [2019/2021]
  s3_rejected_confirm_social                   INTEGER, -- （五）不予处理 5.要求行政机关确认或重新出具已获取信息 · 社会公益组织 [2019/2021]
  s3_rejected_confirm_legal                    INTEGER, -- （五）不予处理 5.要求行政机关确认或重新出具已获取信息 · 法律服务机构 [2019/2021]
  s3_rejected_confirm_other_org                INTEGER, -- （五）不予处理 5.要求行政机关确认或重新出具已获取信息 · 其他 [2019/2021]
  s3_rejected_confirm_total                    INTEGER, -- （五）不予处理 5.要求行政机关确认或重新出具已获取信息 · 总计 [2019/2021]
  s3_other_natural                             INTEGER, -- （六）其他处理 · 自然人 [2019]
  s3_other_commercial                          INTEGER, -- （六）其他处理 · 商业企业 [2019]
  s3_other_research                            INTEGER, -- （六）其他处理 · 科研机构 [2019]
  s3_other_social                              INTEGER, -- （六）其他处理 · 社会公益组织 [2019]
  s3_other_legal                               INTEGER, -- （六）其他处理 · 法律服务机构 [2019]
  s3_other_other_org                           INTEGER, -- （六）其他处理 · 其他 [2019]
  s3_other_total                               INTEGER, -- （六）其他处理 · 总计 [2019]
  s3_other_no_correction_natural               INTEGER, -- （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 · 自然人 [2021]
  s3_other_no_correction_commercial            INTEGER, -- （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 · 商业企业 [2021]
  s3_other_no_correction_research              INTEGER, -- （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 · 科研机构 [2021]
  s3_other_no_correction_social                INTEGER, -- （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 · 社会公益组织 [2021]
  s3_other_no_correction_legal                 INTEGER, -- （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 · 法律服务机构 [2021]
  s3_other_no_correction_other_org             INTEGER, -- （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 · 其他 [2021]
  s3_other_no_correction_total                 INTEGER, -- （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 · 总计 [2021]
  s3_other_no_fee_natural                      INTEGER, -- （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 · 自然人 [2021]
  s3_other_no_fee_commercial                   INTEGER, -- （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 · 商业企业 [2021]
  s3_other_no_fee_research                     INTEGER, -- （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 · 科研机构 [2021]
  s3_other_no_fee_social                       INTEGER, -- （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 · 社会公益组织 [2021]
  s3_other_no_fee_legal                        INTEGER, -- （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 · 法律服务机构 [2021]
  s3_other_no_fee_other_org                    INTEGER, -- （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 · 其他 [2021]
  s3_other_no_fee_total                        INTEGER, -- （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 · 总计 [2021]
  s3_other_other_natural                       INTEGER, -- （六）其他处理 3.其他 · 自然人 [2021]
  s3_other_other_commercial                    INTEGER, -- （六）其他处理 3.其他 · 商业企业 [2021]
  s3_other_other_research                      INTEGER, -- （六）其他处理 3.其他 · 科研机构 [2021]
  s3_other_other_social                        INTEGER, -- （六）其他处理 3.其他 · 社会公益组织 [2021]
  s3_other_other_legal                         INTEGER, -- （六）其他处理 3.其他 · 法律服务机构 [2021]
  s3_other_other_other_org                     INTEGER, -- （六）其他处理 3.其他 · 其他 [2021]
  s3_other_other_total                         INTEGER, -- （六）其他处理 3.其他 · 总计 [2021]
  s3_total_natural                             INTEGER, -- （七）总计 · 自然人 [2019/2021]
  s3_total_commercial                          INTEGER, -- （七）总计 · 商业企业 [2019/2021]
  s3_total_research                            INTEGER, -- （七）总计 · 科研机构 [2019/2021]
  s3_total_social                              INTEGER, -- （七）总计 · 社会公益组织 [2019/2021]
  s3_total_legal                               INTEGER, -- （七）总计 · 法律服务机构 [2019/2021]
  s3_total_other_org                           INTEGER, -- （七）总计 · 其他 [2019/2021]
  s3_total_total                               INTEGER, -- （七）总计 · 总计 [2019/2021]
  s3_carried_forward_natural                   INTEGER, -- 四、结转下年度继续办理 · 自然人 [2019/2021]
  s3_carried_forward_commercial                INTEGER, -- 四、结转下年度继续办理 · 商业企业 [2019/2021]
  s3_carried_forward_research                  INTEGER, -- 四、结转下年度继续办理 · 科研机构 [2019/2021]
  s3_carried_forward_social                    INTEGER, -- 四、结转下年度继续办理 · 社会公益组织 [2019/2021]
  s3_carried_forward_legal                     INTEGER, -- 四、结转下年度继续办理 · 法律服务机构 [2019/2021]
  s3_carried_forward_other_org                 INTEGER, -- 四、结转下年度继续办理 · 其他 [2019/2021]
  s3_carried_forward_total                     INTEGER, -- 四、结转下年度继续办理 · 总计 [2019/2021]
  s4_review_maintained                         INTEGER, -- 行政复议 · 结果维持 [2019/2021]
  s4_review_corrected                          INTEGER, -- 行政复议 · 结果纠正 [2019/2021]
  s4_review_other                              INTEGER, -- 行政复议 · 其他结果 [2019/2021]
  s4_review_pending                            INTEGER, -- 行政复议 · 尚未审结 [2019/2021]
  s4_review_total                              INTEGER, -- 行政复议 · 总计 [2019/2021]
  s4_direct_maintained                         INTEGER, -- 行政诉讼 · 未经复议直接起诉 · 结果维持 [2019/2021]
  s4_direct_corrected                          INTEGER, -- 行政诉讼 · 未经复议直接起诉 · 结果纠正 [2019/2021]
  s4_direct_other                              INTEGER, -- 行政诉讼 · 未经复议直接起诉 · 其他结果 [2019/2021]
  s4_direct_pending                            INTEGER, -- 行政诉讼 · 未经复议直接起诉 · 尚未审结 [2019/2021]
  s4_direct_total                              INTEGER, -- 行政诉讼 · 未经复议直接起诉 · 总计 [2019/2021]
  s4_after_review_maintained                   INTEGER, -- 行政诉讼 · 复议后起诉 · 结果维持 [2019/2021]
  s4_after_review_corrected                    INTEGER, -- 行政诉讼 · 复议后起诉 · 结果纠正 [2019/2021]
  s4_after_review_other                        INTEGER, -- 行政诉讼 · 复议后起诉 · 其他结果 [2019/2021]
  s4_after_review_pending                      INTEGER, -- 行政诉讼 · 复议后起诉 · 尚未审结 [2019/2021]
  s4_after_review_total                        INTEGER  -- 行政诉讼 · 复议后起诉 · 总计 [2019/2021]
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
CREATE VIEW report_index AS
  SELECT report_id, organ_id, file_id, organ_name, year, template, errors, warnings, assessed, passed, unassessed, partial FROM reports;

-- Labels for every fact column, so a client can label anything without hard-coding.
CREATE TABLE fact_keys (
  key_id      INTEGER PRIMARY KEY,  -- template order
  key         TEXT NOT NULL UNIQUE, -- s3.granted.natural
  column_name TEXT NOT NULL UNIQUE, -- s3_granted_natural
  section     TEXT NOT NULL,        -- s1 / s2 / s3 / s4
  row_label   TEXT NOT NULL,        -- 行政许可
  col_label   TEXT NOT NULL,        -- 处理决定数量
  label       TEXT NOT NULL,        -- 行政许可 · 处理决定数量
  unit        TEXT NOT NULL,        -- 件 / 项 / 条 / 万元
  templates   TEXT NOT NULL         -- '2019', '2021' or '2019,2021'
);

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
-- first_report_id … first_report_id + length(directory) − 1, bytes 2k and 2k+1 of `part`
-- are the parts.part_id (little-endian) and byte k of `directory` the
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
CREATE TABLE rollups_province (
  year        INTEGER,
  template    TEXT,
  province TEXT,
  level       TEXT,
  reports     INTEGER NOT NULL,
  with_errors INTEGER NOT NULL,
  partial     INTEGER NOT NULL,
  sum_s1_proactive_total INTEGER, n_s1_proactive_total INTEGER NOT NULL,
  sum_s2_rules_new INTEGER, n_s2_rules_new INTEGER NOT NULL,
  sum_s2_rules_published INTEGER, n_s2_rules_published INTEGER NOT NULL,
  sum_s2_rules_total INTEGER, n_s2_rules_total INTEGER NOT NULL,
  sum_s2_normative_new INTEGER, n_s2_normative_new INTEGER NOT NULL,
  sum_s2_normative_published INTEGER, n_s2_normative_published INTEGER NOT NULL,
  sum_s2_normative_total INTEGER, n_s2_normative_total INTEGER NOT NULL,
  sum_s2_licensing_prev INTEGER, n_s2_licensing_prev INTEGER NOT NULL,
  sum_s2_licensing_delta INTEGER, n_s2_licensing_delta INTEGER NOT NULL,
  sum_s2_licensing_decisions INTEGER, n_s2_licensing_decisions INTEGER NOT NULL,
  sum_s2_other_services_prev INTEGER, n_s2_other_services_prev INTEGER NOT NULL,
  sum_s2_other_services_delta INTEGER, n_s2_other_services_delta INTEGER NOT NULL,
  sum_s2_other_services_decisions INTEGER, n_s2_other_services_decisions INTEGER NOT NULL,
  sum_s2_punishment_prev INTEGER, n_s2_punishment_prev INTEGER NOT NULL,
  sum_s2_punishment_delta INTEGER, n_s2_punishment_delta INTEGER NOT NULL,
  sum_s2_punishment_decisions INTEGER, n_s2_punishment_decisions INTEGER NOT NULL,
  sum_s2_enforcement_prev INTEGER, n_s2_enforcement_prev INTEGER NOT NULL,
  sum_s2_enforcement_delta INTEGER, n_s2_enforcement_delta INTEGER NOT NULL,
  sum_s2_enforcement_decisions INTEGER, n_s2_enforcement_decisions INTEGER NOT NULL,
  sum_s2_fees_prev INTEGER, n_s2_fees_prev INTEGER NOT NULL,
  sum_s2_fees_delta INTEGER, n_s2_fees_delta INTEGER NOT NULL,
  sum_s2_procurement_count INTEGER, n_s2_procurement_count INTEGER NOT NULL,
  sum_s2_procurement_amount REAL, n_s2_procurement_amount INTEGER NOT NULL,
  sum_s2_rules_issued INTEGER, n_s2_rules_issued INTEGER NOT NULL,
  sum_s2_rules_repealed INTEGER, n_s2_rules_repealed INTEGER NOT NULL,
  sum_s2_rules_in_force INTEGER, n_s2_rules_in_force INTEGER NOT NULL,
  sum_s2_normative_issued INTEGER, n_s2_normative_issued INTEGER NOT NULL,
  sum_s2_normative_repealed INTEGER, n_s2_normative_repealed INTEGER NOT NULL,
  sum_s2_normative_in_force INTEGER, n_s2_normative_in_force INTEGER NOT NULL,
  sum_s2_fees_amount REAL, n_s2_fees_amount INTEGER NOT NULL,
  sum_s3_new_natural INTEGER, n_s3_new_natural INTEGER NOT NULL,
  sum_s3_new_commercial INTEGER, n_s3_new_commercial INTEGER NOT NULL,
  sum_s3_new_research INTEGER, n_s3_new_research INTEGER NOT NULL,
  sum_s3_new_social INTEGER, n_s3_new_social INTEGER NOT NULL,
  sum_s3_new_legal INTEGER, n_s3_new_legal INTEGER NOT NULL,
  sum_s3_new_other_org INTEGER, n_s3_new_other_org INTEGER NOT NULL,
  sum_s3_new_total INTEGER, n_s3_new_total INTEGER NOT NULL,
  sum_s3_carried_over_natural INTEGER, n_s3_carried_over_natural INTEGER NOT NULL,
  sum_s3_carried_over_commercial INTEGER, n_s3_carried_over_commercial INTEGER NOT NULL,
  sum_s3_carried_over_research INTEGER, n_s3_carried_over_research INTEGER NOT NULL,
  sum_s3_carried_over_social INTEGER, n_s3_carried_over_social INTEGER NOT NULL,
  sum_s3_carried_over_legal INTEGER, n_s3_carried_over_legal INTEGER NOT NULL,
  sum_s3_carried_over_other_org INTEGER, n_s3_carried_over_other_org INTEGER NOT NULL,
  sum_s3_carried_over_total INTEGER, n_s3_carried_over_total INTEGER NOT NULL,
  sum_s3_granted_natural INTEGER, n_s3_granted_natural INTEGER NOT NULL,
  sum_s3_granted_commercial INTEGER, n_s3_granted_commercial INTEGER NOT NULL,
  sum_s3_granted_research INTEGER, n_s3_granted_research INTEGER NOT NULL,
  sum_s3_granted_social INTEGER, n_s3_granted_social INTEGER NOT NULL,
  sum_s3_granted_legal INTEGER, n_s3_granted_legal INTEGER NOT NULL,
  sum_s3_granted_other_org INTEGER, n_s3_granted_other_org INTEGER NOT NULL,
  sum_s3_granted_total INTEGER, n_s3_granted_total INTEGER NOT NULL,
  sum_s3_partial_natural INTEGER, n_s3_partial_natural INTEGER NOT NULL,
  sum_s3_partial_commercial INTEGER, n_s3_partial_commercial INTEGER NOT NULL,
  sum_s3_partial_research INTEGER, n_s3_partial_research INTEGER NOT NULL,
  sum_s3_partial_social INTEGER, n_s3_partial_social INTEGER NOT NULL,
  sum_s3_partial_legal INTEGER, n_s3_partial_legal INTEGER NOT NULL,
  sum_s3_partial_other_org INTEGER, n_s3_partial_other_org INTEGER NOT NULL,
  sum_s3_partial_total INTEGER, n_s3_partial_total INTEGER NOT NULL,
  sum_s3_denied_secret_natural INTEGER, n_s3_denied_secret_natural INTEGER NOT NULL,
  sum_s3_denied_secret_commercial INTEGER, n_s3_denied_secret_commercial INTEGER NOT NULL,
  sum_s3_denied_secret_research INTEGER, n_s3_denied_secret_research INTEGER NOT NULL,
  sum_s3_denied_secret_social INTEGER, n_s3_denied_secret_social INTEGER NOT NULL,
  sum_s3_denied_secret_legal INTEGER, n_s3_denied_secret_legal INTEGER NOT NULL,
  sum_s3_denied_secret_other_org INTEGER, n_s3_denied_secret_other_org INTEGER NOT NULL,
  sum_s3_denied_secret_total INTEGER, n_s3_denied_secret_total INTEGER NOT NULL,
  sum_s3_denied_law_natural INTEGER, n_s3_denied_law_natural INTEGER NOT NULL,
  sum_s3_denied_law_commercial INTEGER, n_s3_denied_law_commercial INTEGER NOT NULL,
  sum_s3_denied_law_research INTEGER, n_s3_denied_law_research INTEGER NOT NULL,
  sum_s3_denied_law_social INTEGER, n_s3_denied_law_social INTEGER NOT NULL,
  sum_s3_denied_law_legal INTEGER, n_s3_denied_law_legal INTEGER NOT NULL,
  sum_s3_denied_law_other_org INTEGER, n_s3_denied_law_other_org INTEGER NOT NULL,
  sum_s3_denied_law_total INTEGER, n_s3_denied_law_total INTEGER NOT NULL,
  sum_s3_denied_security_natural INTEGER, n_s3_denied_security_natural INTEGER NOT NULL,
  sum_s3_denied_security_commercial INTEGER, n_s3_denied_security_commercial INTEGER NOT NULL,
  sum_s3_denied_security_research INTEGER, n_s3_denied_security_research INTEGER NOT NULL,
  sum_s3_denied_security_social INTEGER, n_s3_denied_security_social INTEGER NOT NULL,
  sum_s3_denied_security_legal INTEGER, n_s3_denied_security_legal INTEGER NOT NULL,
  sum_s3_denied_security_other_org INTEGER, n_s3_denied_security_other_org INTEGER NOT NULL,
  sum_s3_denied_security_total INTEGER, n_s3_denied_security_total INTEGER NOT NULL,
  sum_s3_denied_third_party_natural INTEGER, n_s3_denied_third_party_natural INTEGER NOT NULL,
  sum_s3_denied_third_party_commercial INTEGER, n_s3_denied_third_party_commercial INTEGER NOT NULL,
  sum_s3_denied_third_party_research INTEGER, n_s3_denied_third_party_research INTEGER NOT NULL,
  sum_s3_denied_third_party_social INTEGER, n_s3_denied_third_party_social INTEGER NOT NULL,
  sum_s3_denied_third_party_legal INTEGER, n_s3_denied_third_party_legal INTEGER NOT NULL,
  sum_s3_denied_third_party_other_org INTEGER, n_s3_denied_third_party_other_org INTEGER NOT NULL,
  sum_s3_denied_third_party_total INTEGER, n_s3_denied_third_party_total INTEGER NOT NULL,
  sum_s3_denied_internal_natural INTEGER, n_s3_denied_internal_natural INTEGER NOT NULL,
  sum_s3_denied_internal_commercial INTEGER, n_s3_denied_internal_commercial INTEGER NOT NULL,
  sum_s3_denied_internal_research INTEGER, n_s3_denied_internal_research INTEGER NOT NULL,
  sum_s3_denied_internal_social INTEGER, n_s3_denied_internal_social INTEGER NOT NULL,
  sum_s3_denied_internal_legal INTEGER, n_s3_denied_internal_legal INTEGER NOT NULL,
  sum_s3_denied_internal_other_org INTEGER, n_s3_denied_internal_other_org INTEGER NOT NULL,
  sum_s3_denied_internal_total INTEGER, n_s3_denied_internal_total INTEGER NOT NULL,
  sum_s3_denied_process_natural INTEGER, n_s3_denied_process_natural INTEGER NOT NULL,
  sum_s3_denied_process_commercial INTEGER, n_s3_denied_process_commercial INTEGER NOT NULL,
  sum_s3_denied_process_research INTEGER, n_s3_denied_process_research INTEGER NOT NULL,
  sum_s3_denied_process_social INTEGER, n_s3_denied_process_social INTEGER NOT NULL,
  sum_s3_denied_process_legal INTEGER, n_s3_denied_process_legal INTEGER NOT NULL,
  sum_s3_denied_process_other_org INTEGER, n_s3_denied_process_other_org INTEGER NOT NULL,
  sum_s3_denied_process_total INTEGER, n_s3_denied_process_total INTEGER NOT NULL,
  sum_s3_denied_enforcement_file_natural INTEGER, n_s3_denied_enforcement_file_natural INTEGER NOT NULL,
  sum_s3_denied_enforcement_file_commercial INTEGER, n_s3_denied_enforcement_file_commercial INTEGER NOT NULL,
  sum_s3_denied_enforcement_file_research INTEGER, n_s3_denied_enforcement_file_research INTEGER NOT NULL,
  sum_s3_denied_enforcement_file_social INTEGER, n_s3_denied_enforcement_file_social INTEGER NOT NULL,
  sum_s3_denied_enforcement_file_legal INTEGER, n_s3_denied_enforcement_file_legal INTEGER NOT NULL,
  sum_s3_denied_enforcement_file_other_org INTEGER, n_s3_denied_enforcement_file_other_org INTEGER NOT NULL,
  sum_s3_denied_enforcement_file_total INTEGER, n_s3_denied_enforcement_file_total INTEGER NOT NULL,
  sum_s3_denied_inquiry_natural INTEGER, n_s3_denied_inquiry_natural INTEGER NOT NULL,
  sum_s3_denied_inquiry_commercial INTEGER, n_s3_denied_inquiry_commercial INTEGER NOT NULL,
  sum_s3_denied_inquiry_research INTEGER, n_s3_denied_inquiry_research INTEGER NOT NULL,
  sum_s3_denied_inquiry_social INTEGER, n_s3_denied_inquiry_social INTEGER NOT NULL,
  sum_s3_denied_inquiry_legal INTEGER, n_s3_denied_inquiry_legal INTEGER NOT NULL,
  sum_s3_denied_inquiry_other_org INTEGER, n_s3_denied_inquiry_other_org INTEGER NOT NULL,
  sum_s3_denied_inquiry_total INTEGER, n_s3_denied_inquiry_total INTEGER NOT NULL,
  sum_s3_unable_not_held_natural INTEGER, n_s3_unable_not_held_natural INTEGER NOT NULL,
  sum_s3_unable_not_held_commercial INTEGER, n_s3_unable_not_held_commercial INTEGER NOT NULL,
  sum_s3_unable_not_held_research INTEGER, n_s3_unable_not_held_research INTEGER NOT NULL,
  sum_s3_unable_not_held_social INTEGER, n_s3_unable_not_held_social INTEGER NOT NULL,
  sum_s3_unable_not_held_legal INTEGER, n_s3_unable_not_held_legal INTEGER NOT NULL,
  sum_s3_unable_not_held_other_org INTEGER, n_s3_unable_not_held_other_org INTEGER NOT NULL,
  sum_s3_unable_not_held_total INTEGER, n_s3_unable_not_held_total INTEGER NOT NULL,
  sum_s3_unable_needs_creation_natural INTEGER, n_s3_unable_needs_creation_natural INTEGER NOT NULL,
  sum_s3_unable_needs_creation_commercial INTEGER, n_s3_unable_needs_creation_commercial INTEGER NOT NULL,
  sum_s3_unable_needs_creation_research INTEGER, n_s3_unable_needs_creation_research INTEGER NOT NULL,
  sum_s3_unable_needs_creation_social INTEGER, n_s3_unable_needs_creation_social INTEGER NOT NULL,
  sum_s3_unable_needs_creation_legal INTEGER, n_s3_unable_needs_creation_legal INTEGER NOT NULL,
  sum_s3_unable_needs_creation_other_org INTEGER, n_s3_unable_needs_creation_other_org INTEGER NOT NULL,
  sum_s3_unable_needs_creation_total INTEGER, n_s3_unable_needs_creation_total INTEGER NOT NULL,
  sum_s3_unable_unclear_natural INTEGER, n_s3_unable_unclear_natural INTEGER NOT NULL,
  sum_s3_unable_unclear_commercial INTEGER, n_s3_unable_unclear_commercial INTEGER NOT NULL,
  sum_s3_unable_unclear_research INTEGER, n_s3_unable_unclear_research INTEGER NOT NULL,
  sum_s3_unable_unclear_social INTEGER, n_s3_unable_unclear_social INTEGER NOT NULL,
  sum_s3_unable_unclear_legal INTEGER, n_s3_unable_unclear_legal INTEGER NOT NULL,
  sum_s3_unable_unclear_other_org INTEGER, n_s3_unable_unclear_other_org INTEGER NOT NULL,
  sum_s3_unable_unclear_total INTEGER, n_s3_unable_unclear_total INTEGER NOT NULL,
  sum_s3_rejected_petition_natural INTEGER, n_s3_rejected_petition_natural INTEGER NOT NULL,
  sum_s3_rejected_petition_commercial INTEGER, n_s3_rejected_petition_commercial INTEGER NOT NULL,
  sum_s3_rejected_petition_research INTEGER, n_s3_rejected_petition_research INTEGER NOT NULL,
  sum_s3_rejected_petition_social INTEGER, n_s3_rejected_petition_social INTEGER NOT NULL,
  sum_s3_rejected_petition_legal INTEGER, n_s3_rejected_petition_legal INTEGER NOT NULL,
  sum_s3_rejected_petition_other_org INTEGER, n_s3_rejected_petition_other_org INTEGER NOT NULL,
  sum_s3_rejected_petition_total INTEGER, n_s3_rejected_petition_total INTEGER NOT NULL,
  sum_s3_rejected_repeat_natural INTEGER, n_s3_rejected_repeat_natural INTEGER NOT NULL,
  sum_s3_rejected_repeat_commercial INTEGER, n_s3_rejected_repeat_commercial INTEGER NOT NULL,
  sum_s3_rejected_repeat_research INTEGER, n_s3_rejected_repeat_research INTEGER NOT NULL,
  sum_s3_rejected_repeat_social INTEGER, n_s3_rejected_repeat_social INTEGER NOT NULL,
  sum_s3_rejected_repeat_legal INTEGER, n_s3_rejected_repeat_legal INTEGER NOT NULL,
  sum_s3_rejected_repeat_other_org INTEGER, n_s3_rejected_repeat_other_org INTEGER NOT NULL,
  sum_s3_rejected_repeat_total INTEGER, n_s3_rejected_repeat_total INTEGER NOT NULL,
  sum_s3_rejected_publication_natural INTEGER, n_s3_rejected_publication_natural INTEGER NOT NULL,
  sum_s3_rejected_publication_commercial INTEGER, n_s3_rejected_publication_commercial INTEGER NOT NULL,
  sum_s3_rejected_publication_research INTEGER, n_s3_rejected_publication_research INTEGER NOT NULL,
  sum_s3_rejected_publication_social INTEGER, n_s3_rejected_publication_social INTEGER NOT NULL,
  sum_s3_rejected_publication_legal INTEGER, n_s3_rejected_publication_legal INTEGER NOT NULL,
  sum_s3_rejected_publication_other_org INTEGER, n_s3_rejected_publication_other_org INTEGER NOT NULL,
  sum_s3_rejected_publication_total INTEGER, n_s3_rejected_publication_total INTEGER NOT NULL,
  sum_s3_rejected_mass_natural INTEGER, n_s3_rejected_mass_natural INTEGER NOT NULL,
  sum_s3_rejected_mass_commercial INTEGER, n_s3_rejected_mass_commercial INTEGER NOT NULL,
  sum_s3_rejected_mass_research INTEGER, n_s3_rejected_mass_research INTEGER NOT NULL,
  sum_s3_rejected_mass_social INTEGER, n_s3_rejected_mass_social INTEGER NOT NULL,
  sum_s3_rejected_mass_legal INTEGER, n_s3_rejected_mass_legal INTEGER NOT NULL,
  sum_s3_rejected_mass_other_org INTEGER, n_s3_rejected_mass_other_org INTEGER NOT NULL,
  sum_s3_rejected_mass_total INTEGER, n_s3_rejected_mass_total INTEGER NOT NULL,
  sum_s3_rejected_confirm_natural INTEGER, n_s3_rejected_confirm_natural INTEGER NOT NULL,
  sum_s3_rejected_confirm_commercial INTEGER, n_s3_rejected_confirm_commercial INTEGER NOT NULL,
  sum_s3_rejected_confirm_research INTEGER, n_s3_rejected_confirm_research INTEGER NOT NULL,
  sum_s3_rejected_confirm_social INTEGER, n_s3_rejected_confirm_social INTEGER NOT NULL,
  sum_s3_rejected_confirm_legal INTEGER, n_s3_rejected_confirm_legal INTEGER NOT NULL,
  sum_s3_rejected_confirm_other_org INTEGER, n_s3_rejected_confirm_other_org INTEGER NOT NULL,
  sum_s3_rejected_confirm_total INTEGER, n_s3_rejected_confirm_total INTEGER NOT NULL,
  sum_s3_other_natural INTEGER, n_s3_other_natural INTEGER NOT NULL,
  sum_s3_other_commercial INTEGER, n_s3_other_commercial INTEGER NOT NULL,
  sum_s3_other_research INTEGER, n_s3_other_research INTEGER NOT NULL,
  sum_s3_other_social INTEGER, n_s3_other_social INTEGER NOT NULL,
  sum_s3_other_legal INTEGER, n_s3_other_legal INTEGER NOT NULL,
  sum_s3_other_other_org INTEGER, n_s3_other_other_org INTEGER NOT NULL,
  sum_s3_other_total INTEGER, n_s3_other_total INTEGER NOT NULL,
  sum_s3_other_no_correction_natural INTEGER, n_s3_other_no_correction_natural INTEGER NOT NULL,
  sum_s3_other_no_correction_commercial INTEGER, n_s3_other_no_correction_commercial INTEGER NOT NULL,
  sum_s3_other_no_correction_research INTEGER, n_s3_other_no_correction_research INTEGER NOT NULL,
  sum_s3_other_no_correction_social INTEGER, n_s3_other_no_correction_social INTEGER NOT NULL,
  sum_s3_other_no_correction_legal INTEGER, n_s3_other_no_correction_legal INTEGER NOT NULL,
  sum_s3_other_no_correction_other_org INTEGER, n_s3_other_no_correction_other_org INTEGER NOT NULL,
  sum_s3_other_no_correction_total INTEGER, n_s3_other_no_correction_total INTEGER NOT NULL,
  sum_s3_other_no_fee_natural INTEGER, n_s3_other_no_fee_natural INTEGER NOT NULL,
  sum_s3_other_no_fee_commercial INTEGER, n_s3_other_no_fee_commercial INTEGER NOT NULL,
  sum_s3_other_no_fee_research INTEGER, n_s3_other_no_fee_research INTEGER NOT NULL,
  sum_s3_other_no_fee_social INTEGER, n_s3_other_no_fee_social INTEGER NOT NULL,
  sum_s3_other_no_fee_legal INTEGER, n_s3_other_no_fee_legal INTEGER NOT NULL,
  sum_s3_other_no_fee_other_org INTEGER, n_s3_other_no_fee_other_org INTEGER NOT NULL,
  sum_s3_other_no_fee_total INTEGER, n_s3_other_no_fee_total INTEGER NOT NULL,
  sum_s3_other_other_natural INTEGER, n_s3_other_other_natural INTEGER NOT NULL,
  sum_s3_other_other_commercial INTEGER, n_s3_other_other_commercial INTEGER NOT NULL,
  sum_s3_other_other_research INTEGER, n_s3_other_other_research INTEGER NOT NULL,
  sum_s3_other_other_social INTEGER, n_s3_other_other_social INTEGER NOT NULL,
  sum_s3_other_other_legal INTEGER, n_s3_other_other_legal INTEGER NOT NULL,
  sum_s3_other_other_other_org INTEGER, n_s3_other_other_other_org INTEGER NOT NULL,
  sum_s3_other_other_total INTEGER, n_s3_other_other_total INTEGER NOT NULL,
  sum_s3_total_natural INTEGER, n_s3_total_natural INTEGER NOT NULL,
  sum_s3_total_commercial INTEGER, n_s3_total_commercial INTEGER NOT NULL,
  sum_s3_total_research INTEGER, n_s3_total_research INTEGER NOT NULL,
  sum_s3_total_social INTEGER, n_s3_total_social INTEGER NOT NULL,
  sum_s3_total_legal INTEGER, n_s3_total_legal INTEGER NOT NULL,
  sum_s3_total_other_org INTEGER, n_s3_total_other_org INTEGER NOT NULL,
  sum_s3_total_total INTEGER, n_s3_total_total INTEGER NOT NULL,
  sum_s3_carried_forward_natural INTEGER, n_s3_carried_forward_natural INTEGER NOT NULL,
  sum_s3_carried_forward_commercial INTEGER, n_s3_carried_forward_commercial INTEGER NOT NULL,
  sum_s3_carried_forward_research INTEGER, n_s3_carried_forward_research INTEGER NOT NULL,
  sum_s3_carried_forward_social INTEGER, n_s3_carried_forward_social INTEGER NOT NULL,
  sum_s3_carried_forward_legal INTEGER, n_s3_carried_forward_legal INTEGER NOT NULL,
  sum_s3_carried_forward_other_org INTEGER, n_s3_carried_forward_other_org INTEGER NOT NULL,
  sum_s3_carried_forward_total INTEGER, n_s3_carried_forward_total INTEGER NOT NULL,
  sum_s4_review_maintained INTEGER, n_s4_review_maintained INTEGER NOT NULL,
  sum_s4_review_corrected INTEGER, n_s4_review_corrected INTEGER NOT NULL,
  sum_s4_review_other INTEGER, n_s4_review_other INTEGER NOT NULL,
  sum_s4_review_pending INTEGER, n_s4_review_pending INTEGER NOT NULL,
  sum_s4_review_total INTEGER, n_s4_review_total INTEGER NOT NULL,
  sum_s4_direct_maintained INTEGER, n_s4_direct_maintained INTEGER NOT NULL,
  sum_s4_direct_corrected INTEGER, n_s4_direct_corrected INTEGER NOT NULL,
  sum_s4_direct_other INTEGER, n_s4_direct_other INTEGER NOT NULL,
  sum_s4_direct_pending INTEGER, n_s4_direct_pending INTEGER NOT NULL,
  sum_s4_direct_total INTEGER, n_s4_direct_total INTEGER NOT NULL,
  sum_s4_after_review_maintained INTEGER, n_s4_after_review_maintained INTEGER NOT NULL,
  sum_s4_after_review_corrected INTEGER, n_s4_after_review_corrected INTEGER NOT NULL,
  sum_s4_after_review_other INTEGER, n_s4_after_review_other INTEGER NOT NULL,
  sum_s4_after_review_pending INTEGER, n_s4_after_review_pending INTEGER NOT NULL,
  sum_s4_after_review_total INTEGER, n_s4_after_review_total INTEGER NOT NULL
);

-- Organs per place and level (every organ has a report): the filters' lists of
-- places and levels, and the overview's organ and county counts.
CREATE TABLE organ_counts (
  province TEXT,
  city     TEXT,
  county   TEXT,
  level    TEXT,
  organs   INTEGER NOT NULL
);

-- ===== detail files: detail-<hash>.sqlite =====

-- The same labels as the core's fact_keys (cell_sources refers to key_id).
CREATE TABLE fact_keys (
  key_id      INTEGER PRIMARY KEY,  -- template order
  key         TEXT NOT NULL UNIQUE, -- s3.granted.natural
  column_name TEXT NOT NULL UNIQUE, -- s3_granted_natural
  section     TEXT NOT NULL,        -- s1 / s2 / s3 / s4
  row_label   TEXT NOT NULL,        -- 行政许可
  col_label   TEXT NOT NULL,        -- 处理决定数量
  label       TEXT NOT NULL,        -- 行政许可 · 处理决定数量
  unit        TEXT NOT NULL,        -- 件 / 项 / 条 / 万元
  templates   TEXT NOT NULL         -- '2019', '2021' or '2019,2021'
);

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
