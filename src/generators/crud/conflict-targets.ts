/**
 * The type of `upsert`'s `conflict` option for one entity (tester s16 T-9): `'primaryKey'`, the
 * names of its unique constraints, and the field lists of its key and of each unique constraint,
 * so that `{ conflict: ['name'] }` on a column that is no unique target does not compile.
 * PostgreSQL and SQLite take a target's columns in any order: every order of a list of up to three
 * fields is a member (six at most), a longer list in its declared order only. The unique
 * constraints are the sql generator's own schema's, so the type and the table metadata agree.
 */
import type { Entity, Model } from '../../model/types.js';
import { stringLiteral } from '../kit/emit.js';
import { sqlEntities } from '../sql/entities.js';
import { buildSchema } from '../sql/schema/index.js';

/** A unique constraint by name and by the row fields it holds. */
export interface UniqueTarget {
  name: string;
  fields: readonly string[];
}

/** The unique constraints of each entity's table in the sql schema, by declaration id. */
export function uniqueTargets(model: Model): (entity: Entity) => UniqueTarget[] {
  const tables = buildSchema(model, sqlEntities(model), ['postgres', 'sqlite']).schema.tables;
  return (entity) => {
    const table = tables.find((candidate) => candidate.entity === entity.declaration);
    const fieldOf = (column: string) => entity.columns.find((candidate) => candidate.column === column)?.field ?? column;
    return (table?.uniques ?? []).map((unique) => ({ name: unique.name, fields: unique.columns.map(fieldOf) }));
  };
}

/** The `Conflict` type argument of the entity's repository, as code. */
export function conflictType(keyFields: readonly string[], uniques: readonly UniqueTarget[]): string {
  const members = new Set<string>([stringLiteral('primaryKey')]);
  for (const unique of uniques) members.add(stringLiteral(unique.name));
  for (const fields of [keyFields, ...uniques.map((unique) => unique.fields)]) {
    for (const order of orders(fields)) members.add(`readonly [${order.map(stringLiteral).join(', ')}]`);
  }
  return [...members].join(' | ');
}

/** Every order of `fields` when there are at most three, else the declared one. */
function orders(fields: readonly string[]): (readonly string[])[] {
  if (fields.length <= 1 || fields.length > 3) return [fields];
  return fields.flatMap((first, at) => orders([...fields.slice(0, at), ...fields.slice(at + 1)]).map((rest) => [first, ...rest]));
}
