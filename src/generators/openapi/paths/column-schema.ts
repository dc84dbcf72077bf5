/**
 * The schema of one entity column as crud checks and stores it, for the resource schemas
 * (`<Entity>Create`, `<Entity>Update`, `<Entity>Row`): crud's checked type of the column
 * (crud/input-types.ts), so a foreign key is its key's type, a timestamp a Date, a uuid column
 * `format: uuid`, with the property's docs beside it.
 */
import type { SchemaObject } from "openapi3-ts/oas31";
import type {
  Declaration,
  Entity,
  EntityColumn,
  TypeNode,
} from "../../../model/types.js";
import type { SchemaContext } from "../schemas/context.js";
import { docsAnnotations } from "../schemas/docs.js";
import {
  documentedValueJudge,
  fittingDocs,
} from "../schemas/documented-values.js";
import { inputType } from "../../crud/input-types.js";

/** How a column is described: as an input (with its default) or as part of a row. */
export interface ColumnUse {
  /** Adds `null` where the checked type does not admit it. */
  nullable: boolean;
  /** Writes the column's default (an input's; a row always holds the value). */
  withDefault: boolean;
}

/** `column`'s schema as `use` says. */
export function columnSchema(
  column: EntityColumn,
  use: ColumnUse,
  declaration: Declaration,
  context: SchemaContext,
  entities: readonly Entity[],
): SchemaObject {
  const { nullable } = use;
  const property =
    declaration.type.kind === "object"
      ? declaration.type.properties.find(
          (candidate) => candidate.name === column.property,
        )
      : undefined;
  const checked = inputType(column, entities, context.index);
  const type: TypeNode =
    nullable && !allowsNull(checked)
      ? { kind: "union", members: [checked, { kind: "null" }] }
      : checked;
  // An SQL default (`now()`) has no JSON value to show.
  const defaultValue =
    use.withDefault && column.default?.kind === "value"
      ? wireDefault(column.default.value, checked)
      : undefined;
  // A default or example the validators reject is left out, as on the property's own schema (documented-values.ts).
  const docs = fittingDocs(
    { ...(property?.docs ?? {}), default: defaultValue },
    type,
    documentedValueJudge(context.index),
  );
  return { ...context.schemaOf(type), ...docsAnnotations(docs) };
}

/**
 * A default as JSON carries the column's value: a bigint column's (TypeORM `default: 0`) is its
 * decimal string, as docs/openapi.md "Bigints" says, not the number the decorator wrote.
 */
function wireDefault(value: unknown, checked: TypeNode): unknown {
  const bigint =
    checked.kind === "bigint" ||
    (checked.kind === "union" &&
      checked.members.some((member) => member.kind === "bigint"));
  if (!bigint) return value;
  if (typeof value === "number" && Number.isSafeInteger(value))
    return String(value);
  if (typeof value === "string" && /^-?[0-9]+$/.test(value))
    return BigInt(value).toString();
  return value;
}

function allowsNull(type: TypeNode): boolean {
  return (
    type.kind === "null" ||
    (type.kind === "union" &&
      type.members.some((member) => member.kind === "null"))
  );
}
