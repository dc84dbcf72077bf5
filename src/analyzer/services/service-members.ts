/**
 * A service's members as TypeScript sees them on the service's type: its own and the ones it
 * inherits (`interface S extends Crud<Item>`, `class S extends BaseSvc<Item>`, a NestJS
 * controller extending a base controller), at any depth, an override in the derived service
 * winning as in TS. Each member's call signature is instantiated for the service, so the `T` of
 * `Crud<T>` reads as `Item` in `ItemService`'s parameters and results.
 *
 * A member is a method or a function-typed property (`get: (id: string) => Promise<Item>`).
 * An overloaded method is CG2206 at its other signatures, and so is a property whose function
 * type has several call signatures: an operation has one route and one signature (its routed,
 * or first, one is still read, so the other diagnostics are complete).
 * `implements` copies nothing in TS, so a route written only on an implemented interface's
 * member is not read: CG2207 at the class member says so.
 */
import { Node, Scope, type ParameterDeclaration, type Signature, type Symbol as TsSymbol, type Type } from 'ts-morph';
import type { AnalyzerContext } from '../context.js';
import type { Bindings } from '../types/bindings.js';
import { heritageBindings } from '../types/heritage-bindings.js';
import { reportServerSentEvents } from './nest-handlers.js';
import { hasRouteAnnotation } from './route.js';
import type { ServiceNode } from './service-marker.js';

/** One operation candidate of a service. */
export interface ServiceMember {
  name: string;
  /** The declaration carrying the route (a method, an overload signature or a property). */
  node: Node;
  /** The member's parameters, in order (from the signature's declaration). */
  parameters: ParameterDeclaration[];
  /** The type of a parameter as the service sees it (generic bases instantiated). */
  typeOf(parameter: ParameterDeclaration): Type;
  /** The return type as the service sees it. */
  returnType: Type;
  /** The written return type, when it still denotes `returnType`. */
  returnSyntax: Node | undefined;
  /** ` (inherited from Crud)` for a member declared outside the service, `` otherwise; for messages. */
  inherited: string;
  /**
   * The type arguments the service's `extends` clauses write, bound to the bases' parameters
   * (`Code` for `Reader<T, K>`'s `K` in `CodeService extends Reader<Code, Code>`), so the
   * written `id: K` is read as `Code`, with its tags (heritage-bindings.ts).
   */
  bindings: Bindings | undefined;
  /** The signature declares a `this` other than `void` (`get(this: TService, id: string)`): see `Operation.receivesService`. */
  receivesService: boolean;
}

/**
 * The routed members of a service, own and inherited, in the order of the service's type
 * (own members first). An interface member without a route is CG2206 (every member of an
 * interface service is an operation); a class's unrouted, non-public or non-callable members
 * are its own helpers.
 */
export function serviceMembers(node: ServiceNode, ctx: AnalyzerContext): ServiceMember[] {
  const serviceName = node.getName() ?? 'Default';
  const isInterface = Node.isInterfaceDeclaration(node);
  const members: ServiceMember[] = [];
  const bindings = heritageBindings(node, undefined);
  for (const symbol of node.getType().getProperties()) {
    const declarations = symbol.getDeclarations().filter(isMemberDeclaration);
    if (declarations.length === 0) continue;
    const name = symbol.getName();
    const inherited = inheritedNote(declarations[0]!, node);
    const where = `${serviceName}.${name}${inherited}`;
    const routed = declarations.filter((declaration) => hasRouteAnnotation(declaration, ctx));
    const [chosen] = routed;
    if (!chosen) {
      if (isInterface && isCallable(symbol, node)) ctx.report('CG2206', declarations[0]!, `${where} has no route.`, 'Add `@http METHOD /path` to the method.');
      if (!isInterface) reportImplementedRoute(node, symbol, declarations[0]!, ctx);
      if (!isInterface) reportServerSentEvents(declarations[0]!, where, ctx);
      continue;
    }
    reportOtherOverloads(declarations, chosen, where, ctx);
    if (isProperty(chosen) && !readableFunctionType(symbol.getTypeAtLocation(node).getNonNullableType(), chosen, where, ctx)) continue;
    const member = memberOf(symbol, chosen, node, inherited, bindings);
    if (member) members.push(member);
    else ctx.report('CG2206', chosen, `${where} has a route but is not a method: its type has no call signature.`, 'Declare it as a method, or as a property of a function type.');
  }
  return members;
}

/**
 * Methods and properties; of those a class declares (the service's or a base class an interface
 * extends), public instance ones only: the rest are the class's own.
 */
function isMemberDeclaration(declaration: Node): boolean {
  if (Node.isMethodSignature(declaration) || Node.isPropertySignature(declaration)) return true;
  if (Node.isMethodDeclaration(declaration) || Node.isPropertyDeclaration(declaration)) return declaration.getScope() === Scope.Public && !declaration.isStatic();
  return false;
}

/** ` (inherited from Crud)` when the member is declared outside the service, for messages. */
function inheritedNote(declaration: Node, service: ServiceNode): string {
  const base = declaration.getFirstAncestor((ancestor) => Node.isInterfaceDeclaration(ancestor) || Node.isClassDeclaration(ancestor) || Node.isTypeAliasDeclaration(ancestor));
  if (!base || base === service) return '';
  const name = Node.isInterfaceDeclaration(base) || Node.isClassDeclaration(base) || Node.isTypeAliasDeclaration(base) ? base.getName() : undefined;
  return name === service.getName() ? '' : ` (inherited from ${name ?? 'a base'})`;
}

function isCallable(symbol: TsSymbol, service: ServiceNode): boolean {
  return symbol.getTypeAtLocation(service).getNonNullableType().getCallSignatures().length > 0;
}

/** The member with its signature instantiated for the service; undefined when it is not callable. */
function memberOf(symbol: TsSymbol, chosen: Node, service: ServiceNode, inherited: string, bindings: Bindings | undefined): ServiceMember | undefined {
  const signatures = symbol.getTypeAtLocation(service).getNonNullableType().getCallSignatures();
  const signature = signatures.find((candidate) => candidate.getDeclaration() === chosen) ?? signatures[0];
  if (!signature) return undefined;
  const parameters = parametersOf(signature);
  const parameterSymbols = signature.getParameters();
  const types = new Map(parameters.map((parameter, index) => [parameter, parameterSymbols[index]?.getTypeAtLocation(service) ?? parameter.getType()]));
  const declaration = signature.getDeclaration();
  const written = Node.isReturnTyped(declaration) ? declaration.getReturnTypeNode() : undefined;
  return {
    name: symbol.getName(),
    node: chosen,
    parameters,
    typeOf: (parameter) => types.get(parameter) ?? parameter.getType(),
    returnType: signature.getReturnType(),
    returnSyntax: written,
    inherited,
    bindings,
    receivesService: receivesService(signature),
  };
}

/** Whether the signature declares a `this` parameter of a type other than `void`. */
function receivesService(signature: Signature): boolean {
  const receiver = declaredParameters(signature).find(isThisParameter);
  return receiver !== undefined && !receiver.getType().isVoid();
}

/**
 * The declared parameters a caller passes: TypeScript's `this` parameter (`get(this: void, id:
 * string)`) types the receiver, takes no argument, and has no symbol among the signature's
 * parameters, so it is left out (tester8 F13: it became a required query parameter `this`, and
 * the client did not compile).
 */
function parametersOf(signature: Signature): ParameterDeclaration[] {
  return declaredParameters(signature).filter((parameter) => !isThisParameter(parameter));
}

function declaredParameters(signature: Signature): ParameterDeclaration[] {
  const declaration = signature.getDeclaration();
  return Node.isParametered(declaration) ? declaration.getParameters() : [];
}

const isThisParameter = (parameter: ParameterDeclaration): boolean => parameter.getName() === 'this';

/**
 * CG2206 at each other signature of an overloaded member. An operation has one route and one
 * signature, and the generated mock could not implement the overloads (TS checks one body
 * against every signature), so overloads are refused rather than described in part.
 */
function reportOtherOverloads(declarations: readonly Node[], chosen: Node, where: string, ctx: AnalyzerContext): void {
  const signatures = declarations.filter((declaration) => !(Node.isMethodDeclaration(declaration) && declaration.isImplementation() && declarations.length > 1));
  if (signatures.length < 2) return;
  for (const other of signatures) {
    if (other === chosen) continue;
    ctx.report('CG2206', other, `${where} is overloaded (${signatures.length} signatures): an operation has one route and one signature, so overloaded operations are not supported.`, 'Give each signature its own method name and route, or merge them into one signature (`get(id: string | number)`).');
  }
}

/**
 * CG2206 for a function-typed property whose type has several call signatures (`get: { (id:
 * string): …; (id: number): … }`, a type alias or an interface with two, an intersection of two
 * function types) or is a union of function types: the overloads of a method, written as a type
 * (tester8 F14: the client took the first signature, and the mock did not compile). At each other
 * signature written in the property, else once at the property. False when the property is no
 * operation to read: a union's call takes the intersection of its members' parameters (`never`).
 */
function readableFunctionType(type: Type, property: Node, where: string, ctx: AnalyzerContext): boolean {
  const functions = type.isUnion() ? type.getUnionTypes().filter((member) => member.getCallSignatures().length > 0) : [];
  if (functions.length > 1) {
    ctx.report('CG2206', property, `${where} is a union of ${functions.length} function types: an operation has one route and one signature, so a union of signatures is not supported.`, 'Give the property one function type (`get: (id: string | number) => …`).');
    return false;
  }
  const signatures = type.getCallSignatures();
  if (signatures.length < 2) return true;
  const message = `${where} is overloaded (its type has ${signatures.length} call signatures): an operation has one route and one signature, so overloaded operations are not supported.`;
  const hint = 'Give each signature its own property or method with its own route, or merge them into one signature (`get: (id: string | number) => …`).';
  const written = signatures.slice(1).map((signature) => signature.getDeclaration()).filter((declaration) => declaration.getAncestors().includes(property));
  if (written.length === signatures.length - 1) for (const declaration of written) ctx.report('CG2206', declaration, message, hint);
  else ctx.report('CG2206', property, message, hint);
  return true;
}

function isProperty(declaration: Node): boolean {
  return Node.isPropertySignature(declaration) || Node.isPropertyDeclaration(declaration);
}

/**
 * CG2207 when a class service's public method has no route but an interface it `implements`
 * routes a member of that name: TS copies nothing from `implements`, and neither does codegen.
 */
function reportImplementedRoute(service: ServiceNode, symbol: TsSymbol, declaration: Node, ctx: AnalyzerContext): void {
  if (!Node.isClassDeclaration(service) || !(Node.isMethodDeclaration(declaration) || Node.isPropertyDeclaration(declaration))) return;
  for (const clause of service.getImplements()) {
    const property = clause.getType().getProperty(symbol.getName());
    const routed = property?.getDeclarations().find((candidate) => hasRouteAnnotation(candidate, ctx));
    if (!routed) continue;
    const from = clause.getExpression().getText();
    ctx.report(
      'CG2207',
      declaration,
      `${service.getName() ?? 'Default'}.${symbol.getName()} has no route of its own; the route on ${from}.${symbol.getName()} is not read, since \`implements\` copies nothing from the interface (in TS or in codegen), so it is not an operation.`,
      `Repeat the route on the method, or make ${from} the @service (or a base class the service extends).`,
    );
    return;
  }
}
