/**
 * What `JSON.stringify` writes for a value with its own `toJSON()` (`class Money { toJSON() {
 * return this.cents; } }`): the method's result, not the fields. The model keeps that result's
 * type beside the fields (`behaviour.json`), so a schema can describe the JSON a value really has
 * (recheck s8 R15: mocks of such a class failed ajv on the fields' schema). Validators and mocks
 * still read the fields: they judge and build values, not their JSON.
 */
import { Node, ts, type Type } from 'ts-morph';
import type { TypeNode } from '../../model/index.js';
import type { AnalyzerContext } from '../context.js';
import { isDefaultLib } from './declarations.js';
import { resolveType } from './resolve.js';
import type { Site } from './site.js';

/**
 * The type `toJSON()` returns, when the type has a public `toJSON` method of its own (not a lib
 * one: `Date`'s is read as `date`); `unknown` for `any`, which says nothing about the JSON.
 */
export function jsonForm(type: Type, site: Site, ctx: AnalyzerContext): TypeNode | undefined {
  const member = type.getProperty('toJSON');
  const declaration = member?.getDeclarations()[0];
  if (!member || !declaration || isDefaultLib(declaration)) return undefined;
  if (!Node.isMethodDeclaration(declaration) && !Node.isMethodSignature(declaration)) return undefined;
  const signature = member.getTypeAtLocation(site.at).getCallSignatures()[0];
  if (!signature) return undefined;
  const result = signature.getReturnType();
  if (result.getFlags() & ts.TypeFlags.Any) return { kind: 'unknown' };
  const written = declaration.getReturnTypeNode();
  return resolveType(result, { path: `${site.path}.toJSON()`, at: declaration, ...(written ? { node: written } : {}) }, ctx);
}
