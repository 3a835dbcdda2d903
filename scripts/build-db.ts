// Skeleton build: data/ → build/gongkai.sqlite with one row per report.
// (Replaced by the full build in the database issue.)
import fs from 'node:fs';
import path from 'node:path';
import initSqlJs from 'sql.js';
import Papa from 'papaparse';

const root = process.cwd();
const dataDir = path.join(root, 'data');
const outFile = path.join(root, 'build', 'gongkai.sqlite');

const SQL = await initSqlJs();
const db = new SQL.Database();
db.run('CREATE TABLE reports (id INTEGER PRIMARY KEY, file TEXT NOT NULL, organ TEXT, year INTEGER)');
const manifest = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dataDir, 'manifest.csv'), 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data;
const byFile = new Map(manifest.map((r) => [r.file, r]));
const files = fs.readdirSync(path.join(dataDir, 'reports')).filter((f) => !f.startsWith('.')).sort();
const insert = db.prepare('INSERT INTO reports (file, organ, year) VALUES (?, ?, ?)');
for (const file of files) {
  const row = byFile.get(file);
  insert.run([file, row?.organ || null, row?.year ? Number(row.year) : null]);
}
insert.free();
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, db.export());
console.log(`build-db: ${files.length} reports → ${path.relative(root, outFile)}`);
