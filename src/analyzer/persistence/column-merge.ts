/**
 * One column per name. The TypeORM habit of declaring a relation beside the scalar holding its
 * key (`@ManyToOne(() => User) @JoinColumn({ name: 'user_id' }) user: User;` and
 * `@Column() userId: string;`) maps two properties to one column: they become one column whose
 * field is the scalar property, carrying the relation's reference. Any other pair is CG2105,
 * and so are two columns whose generated row fields (`authorId`) would collide.
 */
import type { EntityColumn, Property } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { PropertyColumn } from './columns.js';
import type { EntityDraft } from './entity-index.js';

export interface ReadProperty {
  property: Property;
  read: PropertyColumn;
}

/** The entity's columns in declaration order, key holder and scalar merged, clashes reported. */
export function mergeColumns(reads: readonly ReadProperty[], draft: EntityDraft, ctx: AnalyzerContext): EntityColumn[] {
  const columns: (ReadProperty & { column: EntityColumn })[] = [];
  for (const item of reads) {
    const column = item.read.column;
    if (!column) continue;
    const at = columns.findIndex((other) => other.column.column === column.column);
    if (at < 0) {
      columns.push({ ...item, column });
      continue;
    }
    const merged = mergePair(columns[at]!, { ...item, column });
    if (merged) columns[at] = merged;
    else clash(draft, columns[at]!.property.name, item.property.name, `column '${column.column}'`, ctx);
  }
  const fields = new Map<string, string>();
  for (const { column } of columns) {
    const first = fields.get(column.field);
    if (first === undefined) fields.set(column.field, column.property);
    else clash(draft, first, column.property, `the row field '${column.field}'`, ctx);
  }
  return columns.map(({ column }) => column);
}

/** The scalar side with the key holder's reference, when one side holds a relation and the other is a plain scalar. */
function mergePair(a: ReadProperty & { column: EntityColumn }, b: ReadProperty & { column: EntityColumn }): (ReadProperty & { column: EntityColumn }) | undefined {
  if (a.read.holdsRelation === b.read.holdsRelation) return undefined;
  const [holder, scalar] = a.read.holdsRelation ? [a, b] : [b, a];
  if (scalar.read.relation || scalar.column.references) return undefined;
  const { references } = holder.column;
  const column: EntityColumn = { ...scalar.column, unique: scalar.column.unique || holder.column.unique };
  if (references) {
    column.references = references;
    scalar.read.facts.references = references;
  }
  if (column.index === undefined && holder.column.index !== undefined) column.index = holder.column.index;
  return { ...scalar, column };
}

function clash(draft: EntityDraft, first: string, second: string, what: string, ctx: AnalyzerContext): void {
  const name = draft.declaration.name;
  ctx.report(
    'CG2105',
    draft.locations.get(second) ?? draft.declaration.source,
    `${name}.${first} and ${name}.${second} are both mapped to ${what}.`,
    `Give ${name}.${second} its own column (\`@column name\`, \`@Column({ name })\`, \`@JoinColumn({ name })\`), or mark it @transient.`,
  );
}
