/** The crud generator's name, files and options. */
import type { GeneratorOption } from '../kit/contract.js';

export const GENERATOR_NAME = 'crud';

/** Runtime files emitted as they are at the root of the generator's output folder. */
export const DB_FILE = 'db.ts';
export const REPOSITORY_FILE = 'repository.ts';
/** The repository's checks of the values it binds (`repository-values.ts`). */
export const REPOSITORY_SUPPORT_FILES = ['repository-values.ts'];
export const DB_SUPPORT_FILES = ['db-errors.ts', 'db-session.ts', 'db-sqlite.ts', 'db-postgres.ts', 'db-pglite.ts'];
/** The project-wide file with `createRepositories(db)`. */
export const REPOSITORIES_FILE = 'repositories.ts';

export interface CrudOptions {
  /** Check create inputs and update patches with the generated validators before any SQL runs. */
  validateInputs: boolean;
}

export const CRUD_OPTIONS: GeneratorOption[] = [
  {
    name: 'validateInputs',
    description:
      "Check `create`/`createMany`/`upsert` inputs and `update`/`updateMany` patches with the validate generator's validators before any SQL runs (a `ValidationError` naming each bad field).",
    schema: { type: 'boolean' },
    default: true,
  },
];

/** The options with their defaults filled in. */
export function withDefaults(options: Partial<CrudOptions>): CrudOptions {
  return { validateInputs: options.validateInputs ?? true };
}
