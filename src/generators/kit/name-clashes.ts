/**
 * One rule for the names generators make up from a user's name (`UserCreate` for entity `User`,
 * `PayMock` for service `Pay`, openapi's resource schemas): a name a type of the model already
 * has is refused, located at what the name was made for (CG5001), rather than emitted twice. Two
 * exports of one name break the output folder's barrel (TS2308), and an import of the user's type
 * into the file declaring the generated one breaks that file (TS2440). Callers pass only the
 * declarations that really meet the name (recheck s9 R8): a `UserRepository` interface beside entity
 * `User` compiles, so refusing every same-named type stopped projects that built.
 */
import { diagnostic } from '../../diagnostics/create.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Declaration, SourceLocation, TypeNode } from '../../model/types.js';

/** What a generator names after one entity or service, and where that is declared. */
export interface GeneratedNames {
  /** `crud for User`, `mock for service Pay`: the start of the message. */
  subject: string;
  names: readonly string[];
  source: SourceLocation;
}

/** A CG5001 for each generated name a declaration of the model already has. */
export function generatedNameClashes(generated: readonly GeneratedNames[], declarations: readonly Pick<Declaration, 'name'>[], hint: string): Diagnostic[] {
  const taken = new Set(declarations.map((declaration) => declaration.name));
  return generated.flatMap(({ subject, names, source }) =>
    names
      .filter((name) => taken.has(name))
      .map((name) => diagnostic('CG5001', { message: `${subject}: the generated name ${name} is already a type's name.`, hint, file: source.file, line: source.line, column: source.column })),
  );
}

/**
 * Ids of the declarations `types` name (`{ kind: 'ref' }` anywhere inside them), with the type
 * arguments of an instantiation they name (`Page<UserRow>` prints, and imports, `UserRow`), but not
 * what the declarations' bodies name: what a generated file printing these types imports.
 */
export function referencedDeclarationIds(types: readonly TypeNode[], declarations: readonly Declaration[]): Set<string> {
  const byId = new Map(declarations.map((declaration) => [declaration.id, declaration]));
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (record.kind === 'ref' && typeof record.id === 'string' && !ids.has(record.id)) {
      ids.add(record.id);
      byId.get(record.id)?.instantiation?.typeArguments.forEach(visit);
    }
    Object.values(record).forEach(visit);
  };
  types.forEach(visit);
  return ids;
}
