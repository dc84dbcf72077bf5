/**
 * Tables in dependency order: a table comes after the tables its foreign keys reference, ties
 * broken by model order so the output is stable. A cycle is broken at its first table in model
 * order; the foreign keys that then point forward are `deferred` (PostgreSQL adds them with
 * `ALTER TABLE` once every table exists; SQLite accepts forward references as they are).
 */
import type { SchemaForeignKey, SchemaTable } from './model.js';

export interface OrderedSchema {
  tables: SchemaTable[];
  /** Foreign keys referencing a table created later (self-references excluded). */
  deferred: Set<SchemaForeignKey>;
}

/** Orders `tables` (given in model order) so that references point backwards wherever they can. */
export function orderTables(tables: readonly SchemaTable[]): OrderedSchema {
  const names = new Set(tables.map((table) => table.name));
  const placed = new Set<string>();
  const remaining = [...tables];
  const ordered: SchemaTable[] = [];
  const ready = (table: SchemaTable) =>
    table.foreignKeys.every((key) => key.table === table.name || placed.has(key.table) || !names.has(key.table));
  while (remaining.length > 0) {
    const position = Math.max(0, remaining.findIndex(ready));
    const [next] = remaining.splice(position, 1);
    ordered.push(next!);
    placed.add(next!.name);
  }
  const positionOf = new Map(ordered.map((table, position) => [table.name, position]));
  const deferred = new Set<SchemaForeignKey>();
  for (const table of ordered) {
    for (const key of table.foreignKeys) {
      if ((positionOf.get(key.table) ?? -1) > positionOf.get(table.name)!) deferred.add(key);
    }
  }
  return { tables: ordered, deferred };
}
