import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * pdf.js's character maps and standard fonts as files of the site (`pdfjs/cmaps/`,
 * `pdfjs/standard_fonts/`), copied from pdfjs-dist at build time and served from
 * node_modules by the dev server: the 自查 view reads a PDF without asking any
 * other server for them.
 */
function pdfjsAssets(): Plugin {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const dirs = ['cmaps', 'standard_fonts'];
  return {
    name: 'pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const m = /\/pdfjs\/(cmaps|standard_fonts)\/([\w.-]+)$/.exec(url.pathname);
        const file = m && path.join(root, m[1], m[2]);
        if (!file || !fs.existsSync(file)) return next();
        res.setHeader('content-type', 'application/octet-stream');
        fs.createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const dir of dirs) {
        for (const name of fs.readdirSync(path.join(root, dir))) {
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${name}`, source: fs.readFileSync(path.join(root, dir, name)) });
        }
      }
    },
  };
}

// BASE_PATH lets the same build serve from a sub-path (GitHub Pages: /<repo>/).
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  plugins: [svelte(), pdfjsAssets()],
  // build-db writes the detail shards to build/public/data/ (content-hashed names)
  publicDir: 'build/public',
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // the gzipped core keeps its double extension (gongkai-<hash>.sqlite.gz), as the data files do
        assetFileNames: (a) => (a.names.some((n) => n.endsWith('.sqlite.gz')) ? 'assets/gongkai-[hash].sqlite.gz' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', 'tests/pages/**'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts', 'tests/pages/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
