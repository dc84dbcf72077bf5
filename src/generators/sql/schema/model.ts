/**
 * The schema as plain data, the same for both dialects: tables with their columns, keys,
 * constraints and indexes, every name already decided. `render.ts` writes it per dialect.
 */
import type { ReferentialAction, SourceLocation } from '../../../model/types.js';
import type { ColumnCheck, ColumnType } from '../column-types.js';

/** What the database fills in when an insert leaves the column out. */
export type DefaultSpec =
  | { kind: 'value'; value: unknown }
  /** SQL as written; `sqlite` is the same default in SQLite's terms where it has none of what is written (raw-defaults.ts). */
  | { kind: 'sql'; sql: string; sqlite?: string }
  /** The current time (`now()`), as the column's codec stores it. */
  | { kind: 'now' }
  /** A random v4 UUID. */
  | { kind: 'uuid' }
  /**
   * The current time as ISO 8601 text in UTC (`2024-02-29T12:00:00.000Z`) for a `text` column:
   * TypeORM's `default: () => 'CURRENT_TIMESTAMP'` on a `string` property, whose SQL text each
   * engine would write in its own form.
   */
  | { kind: 'nowText' };

export interface SchemaColumn {
  name: string;
  /** The entity property it stores ('' for a join table's column). */
  property: string;
  type: ColumnType;
  notNull: boolean;
  default?: DefaultSpec;
  /** `@generated increment`: an identity (PostgreSQL) or the rowid (SQLite). */
  identity: boolean;
  /** `@dbType` as written, checked before it is copied into the schema. */
  dbType?: string;
  source: SourceLocation;
  /** Where the default is written (the `default:` option, the `@default` tag): a CG2305 about it points there. */
  defaultSource?: SourceLocation;
}

export interface NamedColumns {
  name: string;
  columns: string[];
  source: SourceLocation;
}

export interface SchemaCheck {
  name: string;
  column: string;
  checks: ColumnCheck[];
  source: SourceLocation;
}

export interface SchemaForeignKey extends NamedColumns {
  /** The referenced table and its columns. */
  table: string;
  targetColumns: string[];
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
}

export interface SchemaTable {
  name: string;
  /** The entity's declaration id; undefined for a join table. */
  entity?: string;
  source: SourceLocation;
  columns: SchemaColumn[];
  primaryKey?: NamedColumns;
  uniques: NamedColumns[];
  checks: SchemaCheck[];
  foreignKeys: SchemaForeignKey[];
  indexes: NamedColumns[];
}

/** Something the schema cannot say faithfully; `check` turns each into a located diagnostic. */
export interface SchemaProblem {
  code: 'CG2102' | 'CG2103' | 'CG2301' | 'CG2302' | 'CG2303' | 'CG2304' | 'CG2305' | 'CG2306' | 'CG2307' | 'CG2308' | 'CG2309' | 'CG2310' | 'CG2311' | 'CG2312' | 'CG2313';
  message: string;
  source: SourceLocation;
  hint?: string;
  /** Overrides the catalogue's severity. */
  severity?: 'error' | 'warning';
}
