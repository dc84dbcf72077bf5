/**
 * The built-in generators' info (generators/builtin-info.ts), which the session checks the config
 * against without loading their code, is each definition's own, in BUILTIN_GENERATORS' order: the
 * analysis stage puts the definitions where the info stood (pipeline/generator-definitions.ts).
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_GENERATOR_INFO } from '../../../src/generators/builtin-info.js';
import { BUILTIN_GENERATORS } from '../../../src/generators/index.js';

describe('BUILTIN_GENERATOR_INFO', () => {
  it('is each built-in definition’s name, description, options and templates, in the same order', () => {
    expect(BUILTIN_GENERATOR_INFO.map((info) => info.name)).toEqual(BUILTIN_GENERATORS.map((definition) => definition.name));
    for (const [index, definition] of BUILTIN_GENERATORS.entries()) {
      const info = BUILTIN_GENERATOR_INFO[index]!;
      expect({ ...info, namesFilesByPattern: info.namesFilesByPattern ?? true }).toEqual({
        name: definition.name,
        description: definition.description,
        options: definition.options,
        templatesDir: definition.templatesDir,
        namesFilesByPattern: definition.namesFilesByPattern ?? true,
      });
    }
  });
});
