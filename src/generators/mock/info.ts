/**
 * What is known of the `mock` generator before a run analyses (generators/builtin-info.ts): its
 * name, description, options and templates. Its code (index.ts) loads with the analysis stage.
 */
import type { GeneratorInfo, GeneratorOption } from '../kit/contract.js';
import { builtinTemplatesDir } from '../kit/templates-dir.js';

/** The option table: documentation, config schema and defaults in one place. */
const OPTIONS: GeneratorOption[] = [
  {
    name: 'seed',
    description: 'The seed of mocks made without `options.seed`: the same seed gives the same data on every machine and run.',
    schema: { type: 'integer', minimum: 0, maximum: 4294967295 },
    default: 42,
  },
  {
    name: 'maxDepth',
    description: 'How many levels of a recursive type a mock builds; at the limit, arrays get their minimum number of items and optional recursive members are left out.',
    schema: { type: 'integer', minimum: 0, maximum: 10 },
    default: 3,
  },
];

export const MOCK_INFO = {
  name: 'mock',
  description: 'Deterministic mock data (mockT, mockTList) that passes the validators, and call-recording service mocks.',
  options: OPTIONS,
  templatesDir: builtinTemplatesDir('mock'),
} satisfies GeneratorInfo;
