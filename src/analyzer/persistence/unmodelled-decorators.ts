/**
 * TypeORM class and method decorators that change the table or what storing a row does, which
 * codegen does not model: each is a CG2104 warning at the decorator saying what the generated
 * schema and repositories lack and what to do instead, rather than dropped silently. (Property
 * decorators codegen does not model are column-decorators.ts's.) Read by name from the syntax,
 * as the other TypeORM decorators are, on every class the model holds: a `@ChildEntity()` or
 * `@ViewEntity()` class is no entity, so the entity reader never sees it.
 */
import { Node, type Decorator } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import { positionOf } from '../location.js';
import type { ReadDeclaration } from './entity-index.js';

interface Unmodelled {
  /** What is lost, after `@Name() on Type: `. */
  message: string;
  hint: string;
}

const INHERITANCE_HINT =
  "Make each child its own @Entity() (concrete table inheritance: it gets the parent's columns in its own table), or declare the discriminator and the children's columns on the parent as nullable columns.";

const CLASS_DECORATORS: Readonly<Record<string, Unmodelled>> = {
  TableInheritance: {
    message: "single-table inheritance is not modelled: the discriminator column and the @ChildEntity() classes' columns are not in the generated schema, and the children get no table or repository.",
    hint: INHERITANCE_HINT,
  },
  ChildEntity: {
    message: "single-table inheritance is not modelled: this class is no entity (no table, no repository, no discriminator value) and its own columns are not in its parent's table.",
    hint: INHERITANCE_HINT,
  },
  Check: {
    message: 'the CHECK constraint is not in the generated schema, and the validators do not check it.',
    hint: 'Write it as @minimum/@maximum/@pattern/@minLength… on the properties (the schema then gets the CHECK and the validators check it), or add it in a migration.',
  },
  Exclusion: {
    message: 'the EXCLUDE constraint is not in the generated schema.',
    hint: 'Add it in a migration (EXCLUDE is PostgreSQL-only).',
  },
  ViewEntity: {
    message: 'views are not modelled: this class is no entity (no view in the generated schema, no repository); it is read as a plain class, and its @ViewColumn() properties as plain properties.',
    hint: 'Create the view in a migration and query it yourself; the generated validators, mocks and schemas of the class still hold.',
  },
  Tree: {
    message: "tree tables are not modelled: the closure table, nested-set or materialized-path columns TypeORM adds are not in the generated schema.",
    hint: 'Model the parent as a plain self-relation (@ManyToOne(() => Self) parent), which the schema and repositories support.',
  },
  EventSubscriber: {
    message: 'entity subscribers are not run by the generated repositories: their create, update and delete store and return rows as given.',
    hint: 'Do the work of the subscriber before or after calling the repository (or in a wrapper of it).',
  },
};
// TypeORM names the subscriber decorator @EventSubscriber(); @EntitySubscriber() is a common spelling of it.
const CLASS_ALIASES: Readonly<Record<string, string>> = { EntitySubscriber: 'EventSubscriber' };

/** TypeORM's entity listeners: methods run by TypeORM's own repositories around a write or after a read. */
const LISTENERS = [
  'BeforeInsert', 'AfterInsert', 'BeforeUpdate', 'AfterUpdate', 'BeforeRemove', 'AfterRemove',
  'BeforeSoftRemove', 'AfterSoftRemove', 'BeforeRecover', 'AfterRecover', 'AfterLoad',
];

/** CG2104 at each such decorator of the classes in `read`, once per class however many declarations share it. */
export function reportUnmodelledDecorators(read: readonly ReadDeclaration[], ctx: AnalyzerContext): void {
  const seen = new Set<Node>();
  for (const { node, declaration } of read) {
    if (!Node.isClassDeclaration(node) || seen.has(node)) continue;
    seen.add(node);
    const name = node.getName() ?? declaration.name;
    for (const decorator of node.getDecorators()) {
      const written = decorator.getName();
      const unmodelled = CLASS_DECORATORS[CLASS_ALIASES[written] ?? written];
      if (unmodelled) report(decorator, `@${written}() on ${name}: ${unmodelled.message}`, unmodelled.hint, ctx);
    }
    for (const method of node.getMethods()) {
      for (const decorator of method.getDecorators()) {
        const written = decorator.getName();
        if (!LISTENERS.includes(written)) continue;
        report(
          decorator,
          `@${written}() on ${name}.${method.getName()}: entity listeners are not run by the generated repositories: they store and return rows as given, without calling it.`,
          `Call ${method.getName()}() yourself before or after the repository call (a hashed password, a slug), or move the work into a wrapper of the repository.`,
          ctx,
        );
      }
    }
  }
}

function report(decorator: Decorator, message: string, hint: string, ctx: AnalyzerContext): void {
  ctx.report('CG2104', positionOf(decorator, ctx.options.displayRoot), message, hint);
}
