/**
 * The bench's floor page copies a split build's parts and directories into the
 * index the way the site's worker does (src/db/parts.ts loadPart): each file
 * once, every table it has, a directory's source_files rows that the index
 * already holds (the files read only in part) ignored. Plain JavaScript in a
 * string: it runs in the page (no bundler there; tsx would wrap named inner
 * functions in __name()), and tests/bench/floorCopy.test.ts runs the same
 * text in Node over a real split build.
 *
 * Before this, the floor page copied every table with a plain INSERT and its
 * filter floor fetched every part and directory again when the first chart had
 * loaded none of the parts, so a directory the first chart had fetched was
 * copied twice (UNIQUE constraint failed: organs.organ_id, the 200,000-report
 * run of 2026-12-02), and a directory holding a partly read file's row failed
 * on source_files.file_id.
 */
export const FLOOR_COPY_JS = `(() => {
  const copy = (SQL, db, bytes) => {
    const part = new SQL.Database(bytes);
    try {
      const tables = part.exec("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")[0]?.values.map((r) => String(r[0])) ?? [];
      db.run("ATTACH '/" + part.filename + "' AS part");
      try {
        db.run('BEGIN');
        try {
          for (const t of tables) db.run('INSERT ' + (t === 'source_files' ? 'OR IGNORE ' : '') + 'INTO main."' + t + '" SELECT * FROM part."' + t + '"');
          db.run('COMMIT');
        } catch (e) {
          db.run('ROLLBACK');
          throw e;
        }
      } finally {
        db.run('DETACH part');
      }
    } finally {
      part.close();
    }
  };
  /** the split build's files (data/…) not yet copied into db, in the index's order */
  const rest = (db, loaded) => {
    const have = new Set(loaded.map((f) => String(f).split('/').pop()));
    const files = db.exec('SELECT file FROM parts UNION ALL SELECT file FROM directories')[0]?.values.map((r) => String(r[0])) ?? [];
    return files.filter((f) => !have.has(f)).map((f) => 'data/' + f);
  };
  return { copy, rest };
})()`;

export interface FloorCopy {
  copy(SQL: import('sql.js').SqlJsStatic, db: import('sql.js').Database, bytes: Uint8Array): void;
  rest(db: import('sql.js').Database, loaded: readonly string[]): string[];
}
