/**
 * What the persistence annotations on one property say, before relations are resolved.
 * JSDoc tags and TypeORM decorators both write into this shape; `columnAnnotationsOf` reads
 * both spellings, tags first, so a decorator written after a tag wins a conflict.
 */
import type { Node } from 'ts-morph';
import type { ColumnDefault, GeneratedValue, ReferentialAction, RelationKind, SourceLocation, TextForm } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { applyColumnDecorators } from './column-decorators.js';
import { applyColumnTags } from './column-tags.js';

/** A `@references Type[.field]` or `@ManyToOne(() => Type)` as written, resolved later. */
export interface WrittenReference {
  type: string;
  field?: string;
  location: SourceLocation;
  written: string;
}

/**
 * A relation named by a decorator (`@OneToOne(() => T, (t) => t.user)`) or a tag
 * (`@oneToOne T.user`). Which side owns the link is settled when it is resolved: TypeORM marks
 * the owner with `@JoinColumn()` / `@JoinTable()`, JSDoc marks the inverse with `mappedBy`.
 */
export interface WrittenRelation {
  kind: RelationKind;
  /** The target's type name; `''` when only the property's type names it (`@oneToOne` alone). */
  type: string;
  /** The property on the other side, when written. */
  inverse?: string;
  /** JSDoc `@oneToOne T.p` / `@manyToMany T.p`: this side is the inverse of `T.p`. */
  mappedBy: boolean;
  spelling: 'tag' | 'decorator';
  location: SourceLocation;
  written: string;
}

/** `@JoinTable({ name, joinColumn: { name }, inverseJoinColumn: { name } })` or `@joinTable name [a b]`. */
export interface WrittenJoinTable {
  name?: string;
  joinColumn?: string;
  inverseJoinColumn?: string;
  location: SourceLocation;
}

export interface Located<T> {
  action: T;
  location: SourceLocation;
}

export interface ColumnAnnotations {
  name?: string;
  primaryKey: boolean;
  generated?: GeneratedValue;
  unique: boolean;
  index?: true | string;
  references?: WrittenReference;
  relation?: WrittenRelation;
  /** `@JoinColumn()` was written: the owning side of a one-to-one. */
  joinColumn?: SourceLocation;
  /** `@JoinColumn({ referencedColumnName })`: the target's field the key points at. */
  referencedField?: { field: string; location: SourceLocation };
  joinTable?: WrittenJoinTable;
  onDelete?: Located<ReferentialAction>;
  onUpdate?: Located<ReferentialAction>;
  dbType?: string;
  /** `type: 'simple-array'` or `'simple-json'`: TypeORM's text form. */
  textForm?: TextForm;
  /** `type: 'enum'` or `'simple-enum'`: TypeORM's PostgreSQL table holds an enum type there (`ColumnFacts.postgresEnum`). */
  postgresEnum?: true;
  length?: number;
  precision?: number;
  scale?: number;
  transient: boolean;
  timestamp?: 'createdAt' | 'updatedAt';
  /** `@Column({ nullable: true })`. */
  nullable?: boolean;
  /** `@Column({ default })`; `@default` stays in the property's docs and wins over this. */
  default?: ColumnDefault;
  /** Where `@Column({ default })`'s option was written (its `default:`), for CG2305. */
  defaultAt?: SourceLocation;
  /** Where a JSDoc `@default` tag was written (it wins over the decorator's), for CG2305. */
  defaultTagAt?: SourceLocation;
  /** `@Column({ unsigned: true })` (MySQL's): where it was written; the values are at least 0. */
  unsigned?: SourceLocation;
  /** Where `@Column({ enum })` was written: the values come from the property's type. */
  enumOption?: SourceLocation;
  /**
   * `@Column()` names no type: TypeORM takes it from the property's design type, so on a
   * `number` under `@Entity` the column is an integer (its drivers' `Number` → `integer`).
   */
  untypedColumn?: true;
}

/** Reads every persistence annotation on a property node (`path` like `User.email`, for messages). */
export function columnAnnotationsOf(node: Node, path: string, ctx: AnalyzerContext): ColumnAnnotations {
  const annotations = emptyAnnotations();
  addColumnAnnotations(annotations, node, path, ctx);
  return annotations;
}

/**
 * Adds the persistence annotations on a property node to those read so far: with `columns:
 * false`, its tags and the decorators that make no column (`@Index()`), on a redeclared property
 * whose column an ancestor's decorators make (inherited-columns.ts).
 */
export function addColumnAnnotations(annotations: ColumnAnnotations, node: Node, path: string, ctx: AnalyzerContext, columns = true): void {
  applyColumnTags(annotations, ctx.tags(node), path, ctx);
  applyColumnDecorators(annotations, node, path, ctx, columns);
}

/** The annotations of a property that has none. */
export function emptyAnnotations(): ColumnAnnotations {
  return { primaryKey: false, unique: false, transient: false };
}

export const GENERATED_VALUES: readonly GeneratedValue[] = ['increment', 'uuid', 'now'];
export const REFERENTIAL_ACTIONS: readonly ReferentialAction[] = ['cascade', 'restrict', 'set-null', 'no-action'];
