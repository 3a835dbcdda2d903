// Rewrites src/db/schema.sql from src/db/schema.ts (the fact columns come from the catalogue).
import fs from 'node:fs';
import { schemaSql } from '../src/db/schema';

fs.writeFileSync('src/db/schema.sql', schemaSql());
console.log('wrote src/db/schema.sql');
