/**
 * Name collisions the database would refuse or silently merge, compared the way PostgreSQL
 * compares them (after truncation to 63 bytes): two tables, two columns of a table (two
 * properties mapped to one column), two constraints of a table, and two schema-wide relation
 * names (tables, and the indexes behind primary keys, unique constraints and indexes).
 */
import { byteLength, MAX_IDENTIFIER_BYTES } from '../identifiers.js';
import type { SchemaProblem, SchemaTable } from './model.js';
import type { SourceLocation } from '../../../model/types.js';

interface Named {
  name: string;
  what: string;
  source: SourceLocation;
}

/** Every collision and every identifier PostgreSQL would truncate or refuse. */
export function nameProblems(tables: readonly SchemaTable[]): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const relations: Named[] = [];
  for (const table of tables) {
    relations.push({ name: table.name, what: `table "${table.name}"`, source: table.source });
    const indexLike = [table.primaryKey, ...table.uniques, ...table.indexes].filter((entry) => entry !== undefined);
    relations.push(...indexLike.map((entry) => ({ name: entry.name, what: `index "${entry.name}" of "${table.name}"`, source: entry.source })));
    problems.push(...collisions(table.columns.map((column) => ({ name: column.name, what: column.property ? `column "${column.name}" (${column.property})` : `column "${column.name}"`, source: column.source }))));
    const constraints = [table.primaryKey, ...table.uniques, ...table.checks, ...table.foreignKeys].filter((entry) => entry !== undefined);
    problems.push(...collisions(constraints.map((entry) => ({ name: entry.name, what: `constraint "${entry.name}" of "${table.name}"`, source: entry.source }))));
    for (const named of [{ name: table.name, source: table.source }, ...table.columns]) problems.push(...identifierProblems(named.name, named.source));
  }
  problems.push(...collisions(relations));
  return problems;
}

/** The name PostgreSQL keeps: the first 63 bytes, cut at a character boundary. */
function truncated(name: string): string {
  if (byteLength(name) <= MAX_IDENTIFIER_BYTES) return name;
  let kept = '';
  for (const character of name) {
    if (byteLength(kept + character) > MAX_IDENTIFIER_BYTES) break;
    kept += character;
  }
  return kept;
}

function collisions(entries: readonly Named[]): SchemaProblem[] {
  const first = new Map<string, Named>();
  const problems: SchemaProblem[] = [];
  for (const entry of entries) {
    const key = truncated(entry.name);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, entry);
      continue;
    }
    problems.push({
      code: 'CG2304',
      message: `sql: ${entry.what} has the same SQL name as ${earlier.what}${key !== entry.name ? ' once cut to 63 bytes' : ''}.`,
      source: entry.source,
      hint: 'Give one of them another name (`@column`, `@table`, or the constraint or index name).',
    });
  }
  return problems;
}

function identifierProblems(name: string, source: SourceLocation): SchemaProblem[] {
  if (name.includes('\u0000')) {
    return [{ code: 'CG2308', message: `sql: the identifier ${JSON.stringify(name)} holds a NUL character, which PostgreSQL cannot store.`, source, severity: 'error' }];
  }
  if (name.length === 0) return [{ code: 'CG2308', message: 'sql: an empty table or column name.', source, severity: 'error' }];
  if (byteLength(name) <= MAX_IDENTIFIER_BYTES) return [];
  return [
    {
      code: 'CG2308',
      message: `sql: "${name}" is longer than PostgreSQL's 63 bytes; PostgreSQL keeps "${truncated(name)}".`,
      source,
    },
  ];
}
