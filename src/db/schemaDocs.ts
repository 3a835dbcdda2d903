/**
 * The rows of `schema_docs`: the comments of schema.sql, read from the schema's
 * own text, with the columns as SQLite sees them (PRAGMA table_info on a scratch
 * copy of each kind of file, so a view's columns are listed too). The build
 * writes them into the core; the site's 数据说明 page reads them back.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { HEADER, coreSchemaSql, detailSchemaSql } from './schema';

export interface SchemaDoc {
  file: 'core' | 'detail';
  table: string;
  /** 0: the table itself; 1 …: its columns in order */
  position: number;
  column: string | null;
  type: string;
  doc: string;
}

interface Comments {
  table: Map<string, string>;
  /** table → column → comment */
  columns: Map<string, Map<string, string>>;
  /** table → column → its declaration after the name (type and constraints) */
  declared: Map<string, Map<string, string>>;
}

const CONSTRAINT = /^(PRIMARY|UNIQUE|CHECK|FOREIGN|CONSTRAINT)\b/i;

/**
 * A table's comment is the run of `--` lines just above its CREATE; a column's is
 * the `--` text on its line, continued by comment-only lines below it.
 */
export function schemaComments(sql: string): Comments {
  const out: Comments = { table: new Map(), columns: new Map(), declared: new Map() };
  let above: string[] = [];
  let body: { table: string; cols: Map<string, string>; decl: Map<string, string>; last: string | null } | null = null;
  for (const raw of sql.split('\n')) {
    const line = raw.trimEnd();
    if (body) {
      if (/^\)/.test(line)) {
        out.columns.set(body.table, body.cols);
        out.declared.set(body.table, body.decl);
        body = null;
        continue;
      }
      const at = line.indexOf('--');
      const code = (at >= 0 ? line.slice(0, at) : line).trim();
      const note = at >= 0 ? line.slice(at + 2).trim() : '';
      const name = /^\w+/.exec(code)?.[0];
      if (!code) {
        if (body.last && note) body.cols.set(body.last, `${body.cols.get(body.last) ?? ''} ${note}`.trim());
      } else if (name && !CONSTRAINT.test(code)) {
        body.last = name;
        body.cols.set(name, note);
        body.decl.set(name, code.slice(name.length).replace(/,$/, '').trim());
      }
      continue;
    }
    const create = /^CREATE (TABLE|VIEW) (\w+)/.exec(line);
    if (create) {
      out.table.set(create[2], above.join(' '));
      above = [];
      if (create[1] === 'TABLE' && line.endsWith('(')) body = { table: create[2], cols: new Map(), decl: new Map(), last: null };
      continue;
    }
    const comment = /^--\s?(.*)$/.exec(line);
    if (comment && !/^=+/.test(comment[1])) above.push(comment[1].trim());
    else above = [];
  }
  return out;
}

function describe(SQL: SqlJsStatic, file: SchemaDoc['file'], sql: string): SchemaDoc[] {
  const comments = schemaComments(sql);
  const db: Database = new SQL.Database();
  try {
    db.run(sql);
    const tables = db.exec("SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY rowid")[0]?.values ?? [];
    const out: SchemaDoc[] = [];
    for (const [name, type] of tables) {
      const table = String(name);
      out.push({ file, table, position: 0, column: null, type: String(type), doc: comments.table.get(table) ?? '' });
      const cols = db.exec(`SELECT name, type FROM pragma_table_info('${table}') ORDER BY cid`)[0]?.values ?? [];
      cols.forEach(([col, colType], i) => {
        const column = String(col);
        const declared = comments.declared.get(table)?.get(column) || String(colType);
        out.push({ file, table, position: i + 1, column, type: declared, doc: comments.columns.get(table)?.get(column) ?? '' });
      });
    }
    return out;
  } finally {
    db.close();
  }
}

/** Every table and column of both kinds of file with its comment; the header of schema.sql first. */
export function schemaDocs(SQL: SqlJsStatic): SchemaDoc[] {
  const header = HEADER.split('\n')
    .map((l) => l.replace(/^--\s?/, ''))
    .join('\n')
    .trim();
  return [
    { file: 'core', table: '', position: 0, column: null, type: '', doc: header },
    ...describe(SQL, 'core', coreSchemaSql()),
    ...describe(SQL, 'detail', detailSchemaSql()),
  ];
}

export function insertSchemaDocs(SQL: SqlJsStatic, db: Database): void {
  const st = db.prepare('INSERT INTO schema_docs VALUES (?, ?, ?, ?, ?, ?)');
  try {
    for (const d of schemaDocs(SQL)) st.run([d.file, d.table, d.position, d.column, d.type, d.doc]);
  } finally {
    st.free();
  }
}
