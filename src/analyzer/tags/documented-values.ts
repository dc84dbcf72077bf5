/**
 * `@default` and `@example` values checked against the property's type and constraints (tester
 * s6 S18): OpenAPI carries them as `default` and `examples`, SQL as the column's `DEFAULT`, and
 * with ajv's `useDefaults` a default that is no value of the type turns valid input into invalid.
 * Each misfit is warning CG2024 at the tag. The OpenAPI generator leaves such a value out of the
 * schema, and judges formats too (openapi/schemas/documented-values.ts); the sql generator judges an
 * entity column's default again, against the column (CG2305: sql/schema/default-fits.ts).
 * Tags in installed packages' files are not reported (the user cannot edit them).
 */
import type { Property } from '../../model/index.js';
import { isInstalledSource } from '../../model/installed-source.js';
import { valueMisfit } from '../../model/value-fits.js';
import type { AnalyzerContext } from '../context.js';
import { parseDocValue } from './docs.js';
import type { JsDocTag } from './jsdoc.js';

const HINTS: Readonly<Record<'default' | 'example', string>> = {
  default: 'Write a default the generated validators accept, or drop it: the OpenAPI document leaves it out (ajv with `useDefaults` would fill it in, then reject it), and on an entity\'s column the sql generator refuses a default the column cannot hold (CG2305).',
  example: 'Write an example the generated validators accept: the OpenAPI document leaves this one out.',
};

/** Reports each `@default` / `@example` written on the property that is no value of its type. */
export function checkDocumentedValues(property: Property, tags: readonly JsDocTag[], path: string, ctx: AnalyzerContext): void {
  for (const tag of tags) {
    if ((tag.name !== 'default' && tag.name !== 'example') || !tag.text) continue;
    // A package's JSDoc (an `@example` in node_modules) is not the user's to mend: not reported. Its
    // value is still judged where it is used (left out of the OpenAPI schema when it does not fit).
    if (isInstalledSource(tag.location.file)) continue;
    const value = parseDocValue(tag.text);
    const verdict = valueMisfit(property.type, value);
    if (typeof verdict !== 'string') continue;
    const text = JSON.stringify(value);
    const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    const message = `@${tag.name} ${shown} on ${path} is not a value of its type: expected ${verdict}. It is left out of the schema.`;
    ctx.reportOnce('CG2024', tag.location, tag.name, message, HINTS[tag.name]);
  }
}
