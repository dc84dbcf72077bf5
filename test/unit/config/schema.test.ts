import { describe, expect, it } from 'vitest';
import { buildConfigSchema, PROJECT_KEYS, ROOT_KEYS } from '../../../src/config/index.js';

describe('buildConfigSchema', () => {
  const schema = buildConfigSchema([
    {
      name: 'dictionary',
      description: 'A data dictionary.',
      options: [{ name: 'title', description: 'Document title.', schema: { type: 'string' }, default: 'Data' }],
    },
  ]) as {
    properties: Record<string, { description?: string; default?: unknown }>;
    definitions: {
      project: { properties: Record<string, unknown> };
      generators: { properties: Record<string, { description: string; properties: Record<string, unknown> }> };
    };
  };

  it('documents every key of the option table, at the top level and per project', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...ROOT_KEYS].sort());
    expect(Object.keys(schema.definitions.project.properties)).toEqual(PROJECT_KEYS);
    expect(schema.properties.output).toMatchObject({ default: 'src/generated', description: expect.any(String) });
  });

  it('gives each generator its own options and the common ones', () => {
    const dictionary = schema.definitions.generators.properties.dictionary!;
    expect(dictionary.description).toBe('A data dictionary.');
    expect(Object.keys(dictionary.properties)).toEqual(['split', 'fileName', 'output', 'title']);
    expect(dictionary.properties.title).toEqual({ description: 'Document title.', type: 'string', default: 'Data' });
  });
});
