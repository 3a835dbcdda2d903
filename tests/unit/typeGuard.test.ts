import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';

// `npm test` runs svelte-check over the project; this proves the same command
// fails on a type error (a fixture kept outside the project's own include list).
test('svelte-check rejects a component with a type error', () => {
  const fixture = path.resolve('tests/fixtures/type-error');
  const r = spawnSync(
    process.execPath,
    [path.resolve('node_modules/svelte-check/bin/svelte-check'), '--workspace', fixture, '--tsconfig', path.join(fixture, 'tsconfig.json'), '--output', 'machine'],
    { encoding: 'utf8' },
  );
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/ERROR .*Broken\.svelte/);
  expect(r.stdout).toContain("Type 'string' is not assignable to type 'number'");
});
