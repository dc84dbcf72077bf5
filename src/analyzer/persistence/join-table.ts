/**
 * The join table of a many-to-many, on its owning side. What `@JoinTable()` / `@joinTable` does
 * not name, the owner's naming strategy names (naming.ts): codegen's table
 * `<owner table>_<property snake>` (`posts_tags`) with columns `<owner entity snake>_<key column>`
 * (`post_id`) and `<target entity snake>_<key column>` (`tag_id`), a `related_` prefix on the
 * second where both are equal (a self-reference: `user_id`, `related_user_id`); TypeORM's
 * `post_tags_tag (postId, tagId)`, `_1`/`_2` after equal ones. Both keys must be single-column.
 */
import type { JoinTable, Property } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { EntityDraft } from './entity-index.js';
import type { Holding } from './holding.js';
import type { JoinSide } from './naming.js';

/** The join table of an owning many-to-many, or undefined (after CG2102) when a side's key cannot be joined. */
export function joinTableOf(owner: EntityDraft, holding: Holding & { as: 'many-to-many' }, property: Property, path: string, ctx: AnalyzerContext): JoinTable | undefined {
  const ownerKey = singleKeyColumn(owner, holding, path, ctx);
  const targetKey = singleKeyColumn(holding.target, holding, path, ctx);
  if (ownerKey === undefined || targetKey === undefined) return undefined;
  const written = holding.joinTable;
  const { naming } = owner;
  const ownerSide = side(owner, ownerKey);
  const targetSide = side(holding.target, targetKey);
  let joinColumn = written?.joinColumn ?? naming.joinTableColumn(ownerSide);
  let inverseJoinColumn = written?.inverseJoinColumn ?? naming.joinTableColumn(targetSide);
  // Both made equal (a self-reference): the strategy tells them apart. TypeORM renames both (`_1`, `_2`).
  if (joinColumn === inverseJoinColumn && written?.inverseJoinColumn === undefined) {
    const [first, second] = naming.distinctJoinColumns(joinColumn);
    if (written?.joinColumn === undefined) joinColumn = first;
    inverseJoinColumn = second;
  }
  if (joinColumn === inverseJoinColumn) {
    ctx.report('CG2105', written?.location ?? holding.location, `The join table of ${path} names both of its columns '${joinColumn}'.`, 'Give joinColumn and inverseJoinColumn different names.');
    return undefined;
  }
  return { name: written?.name ?? naming.joinTable(ownerSide, property.name, targetSide), joinColumn, inverseJoinColumn, owner: owner.declaration.id };
}

function side(draft: EntityDraft, key: { property: string; column: string }): JoinSide {
  return { entity: draft.declaration.name, table: draft.table, keyProperty: key.property, keyColumn: key.column };
}

/** The property and column of `draft`'s single-property primary key. */
function singleKeyColumn(draft: EntityDraft, holding: Holding, path: string, ctx: AnalyzerContext): { property: string; column: string } | undefined {
  if (draft.primaryKey.length === 0) return undefined; // CG2103 already said why
  if (draft.primaryKey.length > 1) {
    ctx.report('CG2102', holding.location, `${holding.written} on ${path}: ${draft.declaration.name} has a composite primary key (${draft.primaryKey.join(', ')}), which a join table cannot reference.`, 'Give the entity a single-column key.');
    return undefined;
  }
  const key = draft.primaryKey[0]!;
  return { property: key, column: draft.annotations.get(key)?.name ?? draft.naming.column(key) };
}
