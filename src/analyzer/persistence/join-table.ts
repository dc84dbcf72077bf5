/**
 * The join table of a many-to-many, on its owning side. Defaults, when `@JoinTable()` /
 * `@joinTable` does not name them: the table `<owner table>_<property snake>` (`posts_tags`),
 * the columns `<owner entity snake>_<key column>` (`post_id`) and `<target entity snake>_<key
 * column>` (`tag_id`); on a self-reference, where both would be equal, the second gets a
 * `related_` prefix (`user_id`, `related_user_id`). Both keys must be single-column.
 */
import { snakeCase, type JoinTable, type Property } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import type { EntityDraft } from './entity-index.js';
import type { Holding } from './holding.js';

/** The join table of an owning many-to-many, or undefined (after CG2102) when a side's key cannot be joined. */
export function joinTableOf(owner: EntityDraft, holding: Holding & { as: 'many-to-many' }, property: Property, path: string, ctx: AnalyzerContext): JoinTable | undefined {
  const ownerKey = singleKeyColumn(owner, holding, path, ctx);
  const targetKey = singleKeyColumn(holding.target, holding, path, ctx);
  if (ownerKey === undefined || targetKey === undefined) return undefined;
  const written = holding.joinTable;
  const joinColumn = written?.joinColumn ?? `${snakeCase(owner.declaration.name)}_${ownerKey}`;
  const inverseDefault = `${snakeCase(holding.target.declaration.name)}_${targetKey}`;
  const inverseJoinColumn = written?.inverseJoinColumn ?? (inverseDefault === joinColumn ? `related_${inverseDefault}` : inverseDefault);
  if (joinColumn === inverseJoinColumn) {
    ctx.report('CG2105', written?.location ?? holding.location, `The join table of ${path} names both of its columns '${joinColumn}'.`, 'Give joinColumn and inverseJoinColumn different names.');
    return undefined;
  }
  return { name: written?.name ?? `${owner.table}_${snakeCase(property.name)}`, joinColumn, inverseJoinColumn, owner: owner.declaration.id };
}

/** The column name of `draft`'s single-property primary key. */
function singleKeyColumn(draft: EntityDraft, holding: Holding, path: string, ctx: AnalyzerContext): string | undefined {
  if (draft.primaryKey.length === 0) return undefined; // CG2103 already said why
  if (draft.primaryKey.length > 1) {
    ctx.report('CG2102', holding.location, `${holding.written} on ${path}: ${draft.declaration.name} has a composite primary key (${draft.primaryKey.join(', ')}), which a join table cannot reference.`, 'Give the entity a single-column key.');
    return undefined;
  }
  const key = draft.primaryKey[0]!;
  return draft.annotations.get(key)?.name ?? snakeCase(key);
}
