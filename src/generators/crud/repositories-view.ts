/** The view of `repositories.ts`: one property per repository, named after the table's entity in the plural. */
import type { Entity } from '../../model/types.js';
import { camelCase, plural } from '../../model/naming.js';
import type { PlanContext } from '../kit/contract.js';
import { groupImports, type ImportView } from '../kit/imports.js';
import { importPathBetweenOutputs } from '../kit/output-paths.js';
import { DB_FILE, REPOSITORIES_FILE } from './options.js';

export interface RepositoriesView {
  imports: ImportView[];
  dbImport: string;
  repositories: Array<{ property: string; repository: string; entity: string }>;
}

/** `books: BookRepository`, … for every repository, importing each from its crud file. */
export function repositoriesView(
  planned: ReadonlyArray<{ repository: string; from: string }>,
  entities: readonly Entity[],
  context: Pick<PlanContext, 'importExtension'>,
): RepositoriesView {
  const byRepository = new Map(entities.map((entity) => [`${entity.name}Repository`, entity]));
  return {
    imports: groupImports(planned.map((item) => ({ name: item.repository, from: importPathBetweenOutputs(REPOSITORIES_FILE, item.from, context) }))),
    dbImport: importPathBetweenOutputs(REPOSITORIES_FILE, DB_FILE, context),
    repositories: planned.map((item) => {
      const entity = byRepository.get(item.repository)!;
      return { property: camelCase(plural(entity.name)), repository: item.repository, entity: entity.name };
    }),
  };
}
