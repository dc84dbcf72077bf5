/**
 * One rule for the names generators make up from a user's name (`UserCreate` for entity `User`,
 * `PayMock` for service `Pay`, openapi's resource schemas): a name a type of the model already
 * has is refused, located at what the name was made for (CG5001), rather than emitted twice. Two
 * exports of one name break the output folder's barrel (TS2308), and an import of the user's type
 * into the file declaring the generated one breaks that file (TS2440).
 */
import { diagnostic } from '../../diagnostics/create.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Declaration, SourceLocation } from '../../model/types.js';

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
