/**
 * The tag families that read a property, in one ordered list. The order matters:
 * 1. docs first: `@readonly` and the description are plain facts nothing else depends on;
 * 2. constraints next: `@IsOptional()` changes `optional`, which a later family may read;
 * 3. a persistence family (entity reader) belongs after constraints, since column facts read
 *    the final constraints (a `@maxLength` sizes a varchar).
 * Each family sees the property already typed, with the tags and decorators written on it.
 */
import type { Docs, Property, TypeNode } from '../../model/index.js';
import type { TypePlace } from '../types/keyed-values.js';
import { applyPropertyConstraints, type ConstraintOutcome } from '../constraints/apply.js';
import { reportLooserRules } from '../constraints/looser-rules.js';
import { applyPresence } from '../constraints/presence.js';
import { narrowByTypeChecks } from '../constraints/type-checks.js';
import type { AnalyzerContext } from '../context.js';
import type { DecoratorCall } from './decorators.js';
import { bigintDocValue, mergeDocs, parseDocValue, readDocs } from './docs.js';
import { checkDocumentedValues } from './documented-values.js';
import type { JsDocTag } from './jsdoc.js';
import type { Node } from 'ts-morph';

export interface PropertyAnnotations {
  /** The property's declaration, when it has one (mapped types may not). */
  node: Node | undefined;
  tags: JsDocTag[];
  decorators: DecoratorCall[];
  /** Decorators the class's ancestors wrote on the same property that class-validator applies beside the own (base-decorators.ts). */
  baseDecorators?: DecoratorCall[];
  /** The constraint and access tags of each declaration of the property in the ancestors, farthest first (base-tags.ts): they stay in force. */
  baseTags?: JsDocTag[][];
  /** Docs of inlined aliases (`type Email = string`) the property's own docs override. */
  inheritedDocs: Docs;
  /** `User.email`, for messages. */
  path: string;
}

export interface PropertyTagFamily {
  name: string;
  apply(property: Property, annotations: PropertyAnnotations, ctx: AnalyzerContext): void;
}

const docsFamily: PropertyTagFamily = {
  name: 'docs',
  apply(property, { node, tags, baseTags = [], inheritedDocs }) {
    const readValue = isBigint(property.type) ? bigintDocValue : parseDocValue;
    property.docs = mergeDocs(node ? readDocs(node, tags, readValue) : {}, inheritedDocs);
    // `@readOnly` on the property, or on the declaration it redeclares (base-tags.ts): who writes it does not change.
    const access = [...tags, ...baseTags.flat()];
    if (access.some((tag) => tag.name === 'readonly' || tag.name === 'readOnly')) {
      property.readonly = true;
      property.readOnly = true;
    }
    if (access.some((tag) => tag.name === 'writeonly' || tag.name === 'writeOnly')) property.writeOnly = true;
  },
};

/**
 * The constraint tags and decorators of `annotations` applied to `type` (a property's type, or
 * the part of it a mapped type's `T[K]` holds): the type, narrowed by type-check decorators, and
 * the presence rules (`@IsOptional()`, `@IsDefined()`, `@validate required`) they wrote.
 */
export function constrainValue(type: TypeNode, { tags, decorators, baseDecorators = [], baseTags = [], path }: PropertyAnnotations, ctx: AnalyzerContext): { type: TypeNode; outcome: ConstraintOutcome } {
  const all = [...baseDecorators, ...decorators];
  type = narrowByTypeChecks(type, all, 'kinds', path, ctx);
  // The ancestors' JSDoc constraints, each declaration's in turn (farthest first): each meets the ones before, as the own do.
  for (const inherited of baseTags) applyPropertyConstraints(type, inherited, [], path, ctx);
  // A parent's rules first (of other validation types than the own: base-decorators.ts); the own then meet them.
  const base = baseDecorators.length > 0 ? applyPropertyConstraints(type, [], baseDecorators, path, ctx) : undefined;
  const own = applyPropertyConstraints(type, tags, decorators, path, ctx);
  type = narrowByTypeChecks(type, all, 'literals', path, ctx);
  reportLooserRules(type, all, path, ctx);
  return { type, outcome: { ...own, optional: own.optional ?? base?.optional, defined: own.defined ?? base?.defined } };
}

const constraintsFamily: PropertyTagFamily = {
  name: 'constraints',
  apply(property, annotations, ctx) {
    const { node, tags, path } = annotations;
    const { type, outcome } = constrainValue(property.type, annotations, ctx);
    property.type = type;
    applyPresence(property, outcome, node, path, ctx);
    const required = tags.find((tag) => tag.name === 'validate');
    if (outcome.required && property.optional && required) {
      ctx.report('CG2011', required.location, `@validate required on ${path}, but the property is optional.`, 'Remove `?` (and `| undefined`, `@IsOptional()`) or the `required` rule.');
    }
  },
};

/** A `bigint`, `null` and `undefined` aside: its documented values are read as bigints. */
function isBigint(type: TypeNode): boolean {
  const members = type.kind === 'union' ? type.members.filter((member) => member.kind !== 'null' && member.kind !== 'undefined') : [type];
  return members.length > 0 && members.every((member) => member.kind === 'bigint');
}

/** `@default` and `@example` against the type and its constraints, once both are read. */
const documentedValuesFamily: PropertyTagFamily = {
  name: 'documented values',
  apply(property, { tags, path }, ctx) {
    checkDocumentedValues(property, tags, path, ctx);
  },
};

/** The property families, in the order they run (see the comment at the top). */
export const PROPERTY_TAG_FAMILIES: readonly PropertyTagFamily[] = [docsFamily, constraintsFamily, documentedValuesFamily];

/** Runs every family on a property. */
export function applyPropertyTags(property: Property, annotations: PropertyAnnotations, ctx: AnalyzerContext): void {
  for (const family of PROPERTY_TAG_FAMILIES) family.apply(property, annotations, ctx);
}

/**
 * The tags of a property a mapped type made whose template is not its source's value alone
 * (`{ [K in keyof T]?: string }`, `T[K][]`, `T[K] | string`; keyed-values.ts): the constraints go
 * on `places`, where the template holds `T[K]`, and nowhere else; the description stays (the
 * property is still the source's key), the `@default` and `@example` values (of `T[K]`) do not,
 * and no presence rule does (the template's modifiers decide presence).
 */
export function applyKeyedPropertyTags(property: Property, annotations: PropertyAnnotations, places: readonly TypePlace[], ctx: AnalyzerContext): void {
  docsFamily.apply(property, annotations, ctx);
  delete property.docs.examples;
  delete property.docs.default;
  applyPlaceConstraints(annotations, places, ctx);
}

/**
 * The constraints of `annotations` on `places` alone: where a property holds the value of a
 * source property other than the one it copies (`U[K]` in `K extends keyof U ? U[K] : T[K]`).
 */
export function applyPlaceConstraints(annotations: PropertyAnnotations, places: readonly TypePlace[], ctx: AnalyzerContext): void {
  for (const place of places) {
    const { type } = constrainValue(place.node, annotations, ctx);
    if (type !== place.node) place.replace(type);
  }
}
