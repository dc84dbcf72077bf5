/**
 * What the persistence annotations on one property say, before relations are resolved.
 * JSDoc tags and TypeORM decorators both write into this shape; `columnAnnotationsOf` reads
 * both spellings, tags first, so a decorator written after a tag wins a conflict.
 */
import type { Node } from 'ts-morph';
import type { GeneratedValue, ReferentialAction, SourceLocation } from '../../model/index.js';
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

export interface ColumnAnnotations {
  name?: string;
  primaryKey: boolean;
  generated?: GeneratedValue;
  unique: boolean;
  index?: true | string;
  references?: WrittenReference;
  onDelete?: { action: ReferentialAction; location: SourceLocation };
  dbType?: string;
  transient: boolean;
  timestamp?: 'createdAt' | 'updatedAt';
  /** `@Column({ nullable: true })`. */
  nullable?: boolean;
  /** `@Column({ default })`; `@default` stays in the property's docs. */
  default?: { value: unknown };
  /** `@OneToMany(() => Type, (t) => t.inverse)`. */
  oneToMany?: { type: string; inverse?: string; location: SourceLocation };
}

/** Reads every persistence annotation on a property node (`path` like `User.email`, for messages). */
export function columnAnnotationsOf(node: Node, path: string, ctx: AnalyzerContext): ColumnAnnotations {
  const annotations: ColumnAnnotations = { primaryKey: false, unique: false, transient: false };
  applyColumnTags(annotations, ctx.tags(node), path, ctx);
  applyColumnDecorators(annotations, node, path, ctx);
  return annotations;
}

export const GENERATED_VALUES: readonly GeneratedValue[] = ['increment', 'uuid', 'now'];
export const REFERENTIAL_ACTIONS: readonly ReferentialAction[] = ['cascade', 'restrict', 'set-null'];
