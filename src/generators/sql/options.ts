/** The sql generator's options: one table feeding docs, the config schema and the defaults. */
import type { GeneratorOption } from '../kit/contract.js';

export const GENERATOR_NAME = 'sql';

/** The SQL dialects a schema is written for. */
export type Dialect = 'postgres' | 'sqlite';
export const DIALECTS: readonly Dialect[] = ['postgres', 'sqlite'];

export interface SqlOptions {
  /** Which schema files to write; the builders speak every dialect whatever this says. */
  dialects: Dialect[];
  /** Schema file name pattern relative to the output folder; `{dialect}` is replaced. */
  schemaFileName: string;
}

export const DEFAULT_OPTIONS: SqlOptions = {
  dialects: ['postgres', 'sqlite'],
  schemaFileName: 'schema.{dialect}.sql',
};

export const SQL_OPTIONS: GeneratorOption[] = [
  {
    name: 'dialects',
    description: 'Which schema files to write: `postgres` (`schema.postgres.sql`), `sqlite` (`schema.sqlite.sql`) or both. The query builders speak both dialects either way.',
    schema: { type: 'array', items: { enum: ['postgres', 'sqlite'] }, minItems: 1, uniqueItems: true },
    default: DEFAULT_OPTIONS.dialects,
  },
  {
    name: 'schemaFileName',
    description: 'Schema file name pattern, relative to the output folder; `{dialect}` is replaced by the dialect name.',
    schema: { type: 'string', pattern: '\\{dialect\\}' },
    default: DEFAULT_OPTIONS.schemaFileName,
  },
];

/** The options with defaults filled in for keys the config left out. */
export function withDefaults(options: Partial<SqlOptions>): SqlOptions {
  return {
    // Sorted so the order the user listed them in changes nothing in the output.
    dialects: DIALECTS.filter((dialect) => (options.dialects ?? DEFAULT_OPTIONS.dialects).includes(dialect)),
    schemaFileName: options.schemaFileName ?? DEFAULT_OPTIONS.schemaFileName,
  };
}
