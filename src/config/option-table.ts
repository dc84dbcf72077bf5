/**
 * The config file's options, declared once as data. This table is the single source of the
 * keys, their types (as JSON Schema), defaults and descriptions: validation, defaults, the
 * shipped JSON Schema, `codegen init` and docs/config.md all read it.
 */

export type JsonSchema = Record<string, unknown>;

export interface ConfigOption {
  key: string;
  /** One line: shown in editors (JSON Schema), as the `codegen init` comment and in the docs. */
  description: string;
  /** JSON Schema of the value as written in the config file. */
  schema: JsonSchema;
  /** The value assumed when the key is absent, as it would be written in the file. */
  default?: unknown;
  /** `root`: only at the top level; `project`: at the top level (inherited) or in a project. */
  scope: 'root' | 'project';
  required?: boolean;
  /** What `codegen init` writes: the value, and whether it is active or commented out. */
  init?: { value: unknown; active: boolean };
}

/** A list of paths or globs: an empty one names nothing (and `protect: ['']` once crashed the matcher). */
const stringArray: JsonSchema = { type: 'array', items: { type: 'string', minLength: 1 } };

export const CONFIG_OPTIONS: readonly ConfigOption[] = [
  {
    key: '$schema',
    description: 'The JSON Schema of this file, for editors (JSON configs; YAML ones use a comment).',
    schema: { type: 'string' },
    scope: 'root',
  },
  {
    key: 'input',
    description: 'Globs of the TypeScript files to read, relative to this file; `!glob` excludes.',
    schema: { anyOf: [{ type: 'string', minLength: 1 }, { ...stringArray, minItems: 1 }] },
    scope: 'project',
    required: true,
    init: { value: ['src/**/*.ts'], active: true },
  },
  {
    key: 'output',
    description: 'Folder the generated files are written to, relative to this file: a folder of its own inside the project.',
    schema: { type: 'string', minLength: 1 },
    default: 'src/generated',
    scope: 'project',
    init: { value: 'src/generated', active: true },
  },
  {
    key: 'tsconfig',
    description: 'The tsconfig.json used to read the inputs; default: the nearest one.',
    schema: { type: 'string', minLength: 1 },
    scope: 'project',
    init: { value: 'tsconfig.json', active: false },
  },
  {
    key: 'generators',
    description: 'Generators run for types without a @codegen tag, each with its options.',
    schema: { type: 'object', additionalProperties: { type: ['object', 'null'] } },
    default: { validate: {} },
    scope: 'project',
    init: { value: { validate: {} }, active: true },
  },
  {
    key: 'templates',
    description: 'Folder of templates overriding built-in ones, file by file; it must exist (CG1014).',
    schema: { type: 'string', minLength: 1 },
    scope: 'project',
    init: { value: 'codegen/templates', active: false },
  },
  {
    key: 'plugins',
    description: 'Custom generators: folders with a codegen.generator.yaml, or modules.',
    schema: stringArray,
    default: [],
    scope: 'project',
    init: { value: ['codegen/generators/my-generator'], active: false },
  },
  {
    key: 'naming',
    description:
      "Names of entities' tables and columns not written in the source: auto (TypeORM's for @Entity classes, codegen's for @entity types), codegen, typeorm (TypeORM's DefaultNamingStrategy) or typeorm-snake (typeorm-naming-strategies' SnakeNamingStrategy).",
    schema: { enum: ['auto', 'codegen', 'typeorm', 'typeorm-snake'] },
    default: 'auto',
    scope: 'project',
    init: { value: 'auto', active: false },
  },
  {
    key: 'format',
    description: "Format outputs with Prettier: auto uses the project's Prettier and its config.",
    schema: { enum: ['auto', true, false] },
    default: 'auto',
    scope: 'project',
    init: { value: 'auto', active: false },
  },
  {
    key: 'onHandEdit',
    description: 'What to do when a generated file was edited by hand: error, warn or overwrite.',
    schema: { enum: ['error', 'warn', 'overwrite'] },
    default: 'error',
    scope: 'project',
    init: { value: 'error', active: false },
  },
  {
    key: 'protect',
    description: 'Globs of output files (relative to output, so never starting with `/` or `..`) never written or deleted.',
    schema: stringArray,
    default: [],
    scope: 'project',
    init: { value: [], active: false },
  },
  {
    key: 'debounce',
    description: 'Watch mode: milliseconds to wait after a change before re-running (at most 60000).',
    // At most a minute: a longer wait is no watch mode, and past 2^31-1 ms Node's timers fire at once.
    schema: { type: 'integer', minimum: 0, maximum: 60000 },
    // As DEFAULT_DEBOUNCE_MS (src/watch/start-watch.ts), which says why 20 is enough.
    default: 20,
    scope: 'project',
    init: { value: 20, active: false },
  },
  {
    key: 'projects',
    description: 'Several projects (name to settings), each inheriting the top-level settings.',
    schema: { type: 'object' },
    scope: 'root',
    init: { value: { api: { input: ['packages/api/src/**/*.ts'], output: 'packages/api/src/generated' } }, active: false },
  },
];

/** Keys allowed at the top level of the config file. */
export const ROOT_KEYS: readonly string[] = CONFIG_OPTIONS.map((o) => o.key);

/** Keys allowed inside one entry of `projects:` (and inherited from the top level). */
export const PROJECT_KEYS: readonly string[] = CONFIG_OPTIONS.filter((o) => o.scope === 'project').map((o) => o.key);

/** The option declared for a key; undefined for an unknown key. */
export function configOption(key: string): ConfigOption | undefined {
  return CONFIG_OPTIONS.find((o) => o.key === key);
}
