import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/core/playbook/json-schema.js';
// @ts-expect-error plain JS helper shared with the generator script
import { schemaPath } from '../tools/schema-paths.js';

describe('generated JSON Schemas', () => {
  for (const [file, text] of Object.entries(jsonSchemas())) {
    it(`${file} is up to date (run npm run schema)`, () => {
      expect(readFileSync((schemaPath as (f: string) => string)(file), 'utf8')).toBe(text);
    });
  }

  it('every shipped YAML file names its schema for editors', () => {
    for (const f of ['chat-leak', 'clocks', 'parties']) {
      const first = readFileSync(`playbooks/${f}.yaml`, 'utf8').split('\n')[0];
      expect(first).toMatch(/^# yaml-language-server: \$schema=\.\/(playbook|clocks|parties)\.schema\.json$/);
    }
  });
});
