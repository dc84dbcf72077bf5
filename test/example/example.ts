/**
 * The bundled example's committed output, loaded as the tests' subject. Modules are imported
 * with `import()` of a computed path: a static import would pull the example's decorated
 * sources into the repository's type check, whose tsconfig has no `experimentalDecorators`
 * (the example's own tsconfig has; vitest transpiles each file with its nearest tsconfig).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/paths.js';

/** `examples/bookstore/src/generated`. */
export const GENERATED = join(REPO_ROOT, 'examples', 'bookstore', 'src', 'generated');

/** A module of the generated output, by its path below `GENERATED` (`services/book-service.client.ts`). */
export async function importGenerated<T>(relative: string): Promise<T> {
  return (await import(join(GENERATED, relative))) as T;
}

/** The committed `openapi.json`. */
export function jsonDocument(): OpenAPIObject {
  return JSON.parse(readFileSync(join(GENERATED, 'openapi.json'), 'utf8')) as OpenAPIObject;
}

/** The committed `openapi.yaml`. */
export function yamlDocument(): OpenAPIObject {
  return parse(readFileSync(join(GENERATED, 'openapi.yaml'), 'utf8')) as OpenAPIObject;
}
