/**
 * Which TypeORM decorator options codegen reads, and which it knows but does not support.
 * Nothing the user wrote is dropped silently: every other option is a CG2104 warning naming
 * it, as "not supported" when TypeORM has it and as "unknown" (with a suggestion) otherwise.
 */
import { suggest } from '../../config/suggest.js';
import type { SourceLocation } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';

export type OptionFamily = 'column' | 'primaryGenerated' | 'relation' | 'toMany' | 'joinColumn' | 'joinTable' | 'index' | 'entity';

/** Options TypeORM's column decorators accept but codegen does not model. */
const RELATION_UNSUPPORTED = ['cascade', 'eager', 'lazy', 'persistence', 'orphanedRowAction', 'createForeignKeyConstraints', 'deferrable', 'primary'];

const COLUMN_UNSUPPORTED = [
  'width', 'readonly', 'update', 'insert', 'select', 'comment', 'zerofill', 'charset', 'collation',
  'enumName', 'primaryKeyConstraintName', 'foreignKeyConstraintName', 'asExpression', 'generatedType', 'hstoreType',
  'transformer', 'spatialFeatureType', 'srid', 'generatedIdentity', 'onUpdate', 'utc', 'isArray',
];

const READ: Readonly<Record<OptionFamily, readonly string[]>> = {
  column: ['type', 'name', 'length', 'nullable', 'unique', 'default', 'precision', 'scale', 'primary', 'enum', 'array', 'unsigned'],
  primaryGenerated: ['type', 'name'],
  relation: ['onDelete', 'onUpdate', 'nullable'],
  toMany: [],
  joinColumn: ['name', 'referencedColumnName'],
  joinTable: ['name', 'joinColumn', 'inverseJoinColumn'],
  index: ['unique'],
  entity: ['name'],
};

const UNSUPPORTED: Readonly<Record<OptionFamily, readonly string[]>> = {
  column: COLUMN_UNSUPPORTED,
  primaryGenerated: [...COLUMN_UNSUPPORTED, 'unsigned', 'array', 'length', 'nullable', 'unique', 'default', 'precision', 'scale', 'primary'],
  relation: RELATION_UNSUPPORTED,
  // One-to-many and many-to-many sides hold no foreign key of their own.
  toMany: [...RELATION_UNSUPPORTED, 'onDelete', 'onUpdate', 'nullable'],
  joinColumn: ['foreignKeyConstraintName'],
  joinTable: ['database', 'schema', 'synchronize'],
  index: ['where', 'spatial', 'fulltext', 'parser', 'sparse', 'background', 'concurrent', 'expireAfterSeconds', 'nullFiltered', 'synchronize'],
  entity: ['schema', 'database', 'synchronize', 'orderBy', 'engine', 'withoutRowid', 'comment'],
};

/** CG2104 for each option of `options` that `family` does not read, beyond those in `alsoRead`. */
export function reportOtherOptions(
  options: Record<string, unknown>,
  family: OptionFamily,
  where: { decorator: string; path: string; location: SourceLocation },
  ctx: AnalyzerContext,
  alsoRead: readonly string[] = [],
): void {
  const read = [...READ[family], ...alsoRead];
  for (const key of Object.keys(options)) {
    if (read.includes(key)) continue;
    const head = `@${where.decorator}() on ${where.path}: option '${key}'`;
    if (UNSUPPORTED[family].includes(key)) {
      ctx.report('CG2104', where.location, `${head} is not supported by codegen and is ignored.`, unsupportedHint(key));
    } else {
      const close = suggest(key, read);
      ctx.report('CG2104', where.location, `${head} is not a known option and is ignored.${close ? ` Did you mean '${close}'?` : ''}`, `codegen reads ${read.join(', ')} here.`);
    }
  }
}

function unsupportedHint(key: string): string {
  return `Remove '${key}' if the generated schema and code can do without it; codegen does not model it (see docs/annotations.md).`;
}
