import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareOutput, listFixtures, runFixture } from './compare';
import { schemaDrift } from './schema-drift';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/portals');

describe('own portal fixtures (harder layouts, generic extractor, no recipes)', () => {
  const cases = listFixtures(dir);
  it('has at least six fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });
  for (const c of cases) {
    it(c.name, () => {
      const output = runFixture(c);
      expect(compareOutput(output, c.expected)).toEqual([]);
      expect(schemaDrift(output), 'every issue is an Issue as the schema parses it').toEqual([]);
    });
  }
});
