/**
 * An entity property declared again below an ancestor's column. TypeORM (0.3) reads an entity's
 * columns from every class of its inheritance tree, in the order its decorators ran, and keeps the
 * first registration of each property (MetadataArgsStorage.filterByTargetAndWithoutDuplicateProperties;
 * relations alike): the farthest ancestor's. So `class RowSub extends Row { name!: string }` under
 * `@Entity()` keeps Row's `@Column({ length: 8 })`: `name` is a `varchar(8)` column of RowSub's
 * table, not a transient field (tester issue 9, F3), and its values at most 8 characters long; an
 * ancestor's `@ManyToOne()` and its `@JoinColumn()` stay alike. A column decorator written again
 * on the redeclaration changes nothing but, on the entity's own property, a truthy `default`
 * (EntityMetadataBuilder; typeorm/typeorm#10895): CG2109 says so where it is written.
 */
import { Node, type ClassDeclaration } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import { hasColumnDecorator, isColumnDecorator } from './column-decorators.js';

/** Where TypeORM takes a property's column from, when that is an ancestor's declaration. */
export interface InheritedColumn {
  /** The farthest ancestor's declaration with a column or relation decorator: TypeORM's column. */
  declaration: Node;
  /** Declarations nearer the entity whose own column or relation decorators TypeORM ignores. */
  ignored: Node[];
}

/** The ancestor declaration TypeORM maps `node`'s property from, when it is not `node` itself; else undefined. */
export function inheritedColumn(node: Node, ctx: AnalyzerContext): InheritedColumn | undefined {
  const owner = Node.isParameterDeclaration(node) ? node.getParent()?.getParent() : node.getParent();
  const name = node.getSymbol()?.getName();
  if (!Node.isClassDeclaration(owner) || !name) return undefined;
  // Nearest first: the entity's own declaration, then each ancestor's.
  const decorated: Node[] = hasColumnDecorator(node, ctx) ? [node] : [];
  const seen = new Set<ClassDeclaration>([owner]);
  for (let base = baseOf(owner); base && !seen.has(base); base = baseOf(base)) {
    seen.add(base);
    const declared = base.getInstanceProperty(name);
    if (declared && hasColumnDecorator(declared, ctx)) decorated.push(declared);
  }
  const farthest = decorated.at(-1);
  if (!farthest || farthest === node) return undefined;
  return { declaration: farthest, ignored: decorated.slice(0, -1) };
}

/** CG2109 at each column or relation decorator TypeORM ignores on a redeclared property. */
export function reportIgnoredColumns(inherited: InheritedColumn, path: string, ctx: AnalyzerContext): void {
  const from = where(inherited.declaration);
  for (const declaration of inherited.ignored) {
    for (const decorator of ctx.decorators(declaration).filter((call) => isColumnDecorator(call.name))) {
      ctx.report(
        'CG2109',
        decorator.location,
        `@${decorator.name}() on ${where(declaration)} is ignored by TypeORM${where(declaration) === path ? '' : ` for ${path}`}: it keeps the first column registered for a property, ${from}'s, so ${path} is mapped as ${from} is (only a truthy \`default\` written on the entity's own property replaces ${from}'s).`,
        `Change the column on ${from}, or give ${path} a property of its own name.`,
      );
    }
  }
}

/** `Row.name`, for messages. */
function where(declaration: Node): string {
  const owner = declaration.getParent();
  const name = declaration.getSymbol()?.getName() ?? '?';
  return `${Node.isClassDeclaration(owner) ? owner.getName() ?? 'default' : '?'}.${name}`;
}

function baseOf(declaration: ClassDeclaration): ClassDeclaration | undefined {
  try {
    return declaration.getBaseClass();
  } catch {
    // `extends mixin(Base)` and other expressions ts-morph cannot follow to a declaration.
    return undefined;
  }
}
