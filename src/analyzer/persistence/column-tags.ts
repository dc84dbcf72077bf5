/** The JSDoc spelling of the persistence vocabulary, one handler per tag. */
import { suggest } from '../../config/suggest.js';
import type { GeneratedValue, ReferentialAction, RelationKind } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { badTagValue, orList } from '../tags/bad-value.js';
import type { JsDocTag } from '../tags/jsdoc.js';
import { GENERATED_VALUES, REFERENTIAL_ACTIONS, type ColumnAnnotations } from './annotations.js';

/** `report`'s `problem` is what the tag takes (`one column name`), as badTagValue words it. */
type TagHandler = (annotations: ColumnAnnotations, tag: JsDocTag, report: (problem: string, hint?: string) => void) => void;

const ONE_WORD = /^\S+$/;
const REFERENCE = /^([A-Za-z_$][\w$]*)(?:\.([A-Za-z_$][\w$]*))?$/;
const SQL_WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

const HANDLERS: Readonly<Record<string, TagHandler>> = {
  column: (a, tag, report) => (ONE_WORD.test(tag.text) ? (a.name = tag.text) : report('one column name')),
  primaryKey: (a) => (a.primaryKey = true),
  generated: (a, tag, report) => {
    const value = oneOf(tag.text, GENERATED_VALUES, report);
    if (value) a.generated = value;
  },
  unique: (a) => (a.unique = true),
  index: (a, tag, report) => {
    if (tag.text === '') a.index = true;
    else if (ONE_WORD.test(tag.text)) a.index = tag.text;
    else report('nothing or one index name');
  },
  references: (a, tag, report) => {
    const match = REFERENCE.exec(tag.text);
    if (!match) return report('`Type` or `Type.field`');
    a.references = { type: match[1]!, location: tag.location, written: '@references', ...(match[2] ? { field: match[2] } : {}) };
  },
  onDelete: (a, tag, report) => {
    const action = oneOf(tag.text, REFERENTIAL_ACTIONS, report);
    if (action) a.onDelete = { action, location: tag.location };
  },
  onUpdate: (a, tag, report) => {
    const action = oneOf(tag.text, REFERENTIAL_ACTIONS, report);
    if (action) a.onUpdate = { action, location: tag.location };
  },
  oneToOne: (a, tag, report) => relationTag(a, tag, 'one-to-one', report),
  oneToMany: (a, tag, report) => relationTag(a, tag, 'one-to-many', report),
  manyToMany: (a, tag, report) => relationTag(a, tag, 'many-to-many', report),
  joinTable: (a, tag, report) => {
    const names = tag.text === '' ? [] : tag.text.split(/\s+/);
    if (![0, 1, 3].includes(names.length) || !names.every((name) => SQL_WORD.test(name))) {
      return report('nothing, a table name, or a table name and its two column names', 'e.g. `@joinTable post_tags post_id tag_id`');
    }
    const [name, joinColumn, inverseJoinColumn] = names;
    a.joinTable = { location: tag.location, ...(name ? { name } : {}), ...(joinColumn ? { joinColumn } : {}), ...(inverseJoinColumn ? { inverseJoinColumn } : {}) };
  },
  dbType: (a, tag, report) => (tag.text !== '' ? (a.dbType = tag.text) : report('a column type')),
  transient: (a) => (a.transient = true),
  createdAt: (a) => stamp(a, 'createdAt'),
  updatedAt: (a) => stamp(a, 'updatedAt'),
};

/** Applies the persistence tags among `tags` to `annotations`, reporting bad values as CG2101. */
export function applyColumnTags(annotations: ColumnAnnotations, tags: readonly JsDocTag[], path: string, ctx: AnalyzerContext): void {
  for (const tag of tags) {
    // `@default` is read with the property's docs (tags/docs.ts); its place is kept for CG2305.
    if (tag.name === 'default') annotations.defaultTagAt = tag.location;
    const handler = HANDLERS[tag.name];
    handler?.(annotations, tag, (problem, hint) => {
      ctx.report('CG2101', tag.location, badTagValue(tag.name, path, problem, tag.text), hint);
    });
  }
}

/** `@oneToOne [Type[.property]]`: with `.property`, this side is the inverse of `Type.property`. */
function relationTag(a: ColumnAnnotations, tag: JsDocTag, kind: RelationKind, report: (problem: string, hint?: string) => void): void {
  const match = tag.text === '' ? undefined : REFERENCE.exec(tag.text);
  if (tag.text !== '' && !match) return report('nothing, `Type` or `Type.property` (the side that owns the link)');
  a.relation = {
    kind,
    type: match?.[1] ?? '',
    mappedBy: match?.[2] !== undefined,
    spelling: 'tag',
    location: tag.location,
    written: `@${tag.name}`,
    ...(match?.[2] ? { inverse: match[2] } : {}),
  };
}

/** A timestamp is maintained by the generated code: generated `now`. */
export function stamp(annotations: ColumnAnnotations, kind: 'createdAt' | 'updatedAt'): void {
  annotations.timestamp = kind;
  annotations.generated = 'now';
}

function oneOf<T extends GeneratedValue | ReferentialAction>(text: string, allowed: readonly T[], report: (problem: string, hint?: string) => void): T | undefined {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  const close = suggest(text, allowed);
  report(`one of ${orList(allowed)}`, close ? `Did you mean '${close}'?` : undefined);
  return undefined;
}
