import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareOutput, listFixtures, runFixture } from './compare';
import { schemaDrift } from './schema-drift';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.resolve(repoRoot, '../shared/fixtures/portals');

describe.skipIf(!existsSync(dir))('shared portal fixtures (generic extractor, no recipes)', () => {
  const cases = existsSync(dir) ? listFixtures(dir) : [];
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const c of cases) {
    it(c.name, () => {
      const output = runFixture(c);
      expect(compareOutput(output, c.expected)).toEqual([]);
      expect(schemaDrift(output), 'every issue is an Issue as the schema parses it').toEqual([]);
    });
  }
});
