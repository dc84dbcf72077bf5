/**
 * The `<Entity>Row` schema: what crud's repositories return and a server built on them answers
 * (tester s9 T11). It is sql's row type (`<Entity>Row`, sql/table-module.ts) as JSON carries it:
 * one required field per column, named as the row names it (a many-to-one is its key field,
 * `authorId`, not `author`), no to-many side and no relation object (crud returns those only
 * when `include`d, which the resource paths do not offer), `null` where the stored column may be
 * null (sql's NOT NULL rule), a timestamp a `date-time` string (`JSON.stringify` of the Date)
 * and a `bigint` the decimal string of docs/openapi.md "Bigints".
 */
import type { SchemaObject } from "openapi3-ts/oas31";
import type { Declaration, Entity } from "../../../model/types.js";
import { columnHoldsNull } from "../../../model/nullability.js";
import type { SchemaContext } from "../schemas/context.js";
import { columnSchema } from "./column-schema.js";

/** The schema of one row of `entity`; `entities` are the model's, for foreign keys. */
export function rowSchema(
  entity: Entity,
  declaration: Declaration,
  context: SchemaContext,
  entities: readonly Entity[],
): SchemaObject {
  const properties = Object.fromEntries(
    entity.columns.map((column) => [
      column.field,
      columnSchema(
        column,
        {
          nullable: columnHoldsNull(entity, column, (id) => context.index.find(id)?.type),
          withDefault: false,
        },
        declaration,
        context,
        entities,
      ),
    ]),
  );
  return {
    type: "object",
    description: `A row of ${entity.table} (the entity ${entity.name}), as the resource operations answer it: related entities by key only.`,
    properties,
    required: entity.columns.map((column) => column.field),
  };
}

