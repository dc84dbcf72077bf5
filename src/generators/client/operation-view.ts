/**
 * One client method's view: its signature (the service method's own parameters, then a last
 * optional `init`), and the code pieces of the request it sends: encoded path, query entries,
 * headers, body, reviver and validator.
 */
import type { Operation, Parameter, Property, TypeNode } from '../../model/types.js';
import type { DeclarationIndex } from '../kit/declaration-index.js';
import { docComment, NameAllocator, stringLiteral } from '../kit/emit.js';
import { printType, type TypeReference } from '../kit/print-type.js';
import { isIdentifier, pascalCase } from '../../model/naming.js';
import { documentOperationId } from '../kit/operation-ids.js';
import { asFunction, reviverExpression } from './revivers.js';
import type { FoundExport } from '../kit/contract.js';
import { validatorCode, type ValidatorCode } from './response-validators.js';
import { sentAsJson } from '../openapi/paths/json-parameters.js';
import { mergedObject } from '../openapi/schemas/objects.js';
import { withoutNullish } from '../kit/unions.js';
import { responseReading } from './response-reading.js';

export interface OperationView {
  name: string;
  /** The OpenAPI document's id (`BookService_getBook`), reported by the client's errors. */
  operationId: string;
  doc: string;
  /** The parameter list as written between the parentheses. */
  parameters: string;
  /** The `init` property of the request: `init`, or `init: init2` when a parameter is named `init`. */
  initEntry: string;
  /** `Book`, `Page<Book>`, `void`. */
  resultType: string;
  /** The exported error type alias (`GetBookError`) and its text, when the operation documents errors. */
  errorType?: { name: string; doc: string; text: string };
  method: string;
  /** A template literal with encoded path parameters. */
  path: string;
  query: string[];
  headers: string[];
  body?: string;
  revive?: string;
  /** What an empty success body reads as (`"undefined"`, `"null"`); absent: it is refused. */
  empty?: string;
  /** How a text success body is read (`"string"`, `"any"`, see response-reading.ts); absent: as JSON. */
  text?: string;
  /** Whether the type admits every string (see response-reading.ts). */
  strings?: boolean;
  /** The method returns `void`: a success body is dropped (see response-reading.ts). */
  discard?: boolean;
  reviveErrors: string[];
  /** `404: validateNotFound`: the checks of documented error bodies, by status (a client with validators). */
  validateErrors: string[];
  validate?: string;
}

export interface OperationInputs {
  index: DeclarationIndex;
  references: Map<string, TypeReference>;
  /** The service's name, prefixing the error type's name (`BookServiceGetBookError`). */
  serviceName: string;
  /** Declarations whose reviver the file needs. */
  revived: Set<string>;
  /** Declarations whose validator the file imports (with the export found); undefined when the client does not validate. */
  validated?: Map<string, FoundExport>;
  /** The validate generator's `validateT` of a declaration. */
  validatorOf?: (id: string) => FoundExport | undefined;
  /** The name the client runtime is imported under (`runtime`, or another no identifier of the file takes). */
  runtime: string;
  /**
   * Names of the file's own functions and imported values a method may call (`validateBook`,
   * `reviveBook`): a parameter of that name would shadow them, so it takes another (`validateBook2`).
   */
  fileValues: ReadonlySet<string>;
}

/** Builds the view of one operation. */
export function operationView(written: Operation, inputs: OperationInputs): OperationView {
  const { index, references } = inputs;
  const names = new NameAllocator();
  names.reserve(...written.parameters.map((parameter) => parameter.name), ...inputs.fileValues);
  // Callers pass arguments by position: a parameter's local name is not part of the API.
  const parameters = written.parameters.map((parameter) => (inputs.fileValues.has(parameter.name) ? { ...parameter, name: names.allocate(parameter.name) } : parameter));
  const operation: Operation = { ...written, parameters };
  const initName = names.allocate('init');
  const errorChecks = errorValidators(operation, inputs);
  const errorType = errorTypeView(operation, inputs, errorChecks);
  const view: OperationView = {
    name: operation.name,
    operationId: documentOperationId({ name: inputs.serviceName }, operation),
    doc: methodDoc(operation, errorType?.name),
    parameters: [...signature(operation.parameters, index, references), `${initName}?: ${inputs.runtime}.RequestOptions`].join(', '),
    initEntry: initName === 'init' ? 'init' : `init: ${initName}`,
    resultType: operation.response.type ? printType(operation.response.type, index, references) : 'void',
    method: operation.method,
    path: pathTemplate(operation, index, inputs.runtime),
    query: operation.parameters.filter((parameter) => parameter.in === 'query').flatMap((parameter) => queryEntries(operation.name, parameter, index, inputs.runtime)),
    headers: operation.parameters
      .filter((parameter) => parameter.in === 'header')
      .map((parameter) => `${stringLiteral(parameter.wireName)}: ${wireValue(parameter.name, parameter.type, { location: 'header', index, runtime: inputs.runtime, label: `${operation.name}(${parameter.name})` })}`),
    reviveErrors: operation.errors.flatMap((error) => {
      const reviver = error.type ? reviverFunction(error.type, inputs) : undefined;
      return reviver ? [`${error.status}: ${reviver}`] : [];
    }),
    validateErrors: [...errorChecks].map(([status, check]) => `${status}: ${check}`),
  };
  if (errorType) view.errorType = errorType;
  const reading = responseReading(operation.response.type, index);
  if (reading.text) view.text = stringLiteral(reading.text);
  if (reading.empty) view.empty = stringLiteral(reading.empty);
  if (reading.strings) view.strings = true;
  if (reading.discard) view.discard = true;
  const body = operation.parameters.find((parameter) => parameter.in === 'body');
  if (body) view.body = body.name;
  const revive = operation.response.type ? reviverFunction(operation.response.type, inputs) : undefined;
  if (revive) view.revive = revive;
  const validate = inputs.validated && operation.response.type ? responseValidator(operation.response.type, inputs) : undefined;
  if (validate) view.validate = validate;
  return view;
}

/**
 * The service method's parameters, in order; an optional one before a required one keeps its
 * place as `T | undefined`. A path parameter is always required: the path is sent as
 * documented, with the segment present (`:id?` is CG2207), and an empty one is refused.
 */
function signature(parameters: readonly Parameter[], index: DeclarationIndex, references: Map<string, TypeReference>): string[] {
  const optional = (parameter: Parameter): boolean => parameter.optional && parameter.in !== 'path';
  return parameters.map((parameter, position) => {
    const type = printType(parameter.type, index, references);
    if (!optional(parameter)) return `${parameter.name}: ${type}`;
    const requiredAfter = parameters.slice(position + 1).some((later) => !optional(later));
    return requiredAfter ? `${parameter.name}: ${type} | undefined` : `${parameter.name}?: ${type}`;
  });
}

/**
 * The expression a parameter's value is sent as: itself, or `jsonParam(value)` when no style
 * serialises it (json-parameters.ts); in a header, `jsonParam(value, true)` escapes what is not ASCII,
 * which header values cannot carry.
 */
function wireValue(expression: string, type: TypeNode, where: WireWhere): string {
  if (!sentAsJson(type, where.location, where.index)) return expression;
  return `${where.runtime}.jsonParam(${expression}, ${where.location === 'header'}, ${stringLiteral(where.label)})`;
}

/** Where a parameter travels; `label` names it in the runtime's refusals (`search(filters.price)`). */
interface WireWhere {
  location: Parameter['in'];
  index: DeclarationIndex;
  runtime: string;
  label: string;
}

/** `/books/{id}` → a template literal with `pathParam(id, "getBook(id)")` in the placeholder (`, true` for a wildcard). */
function pathTemplate(operation: Operation, index: DeclarationIndex, runtime: string): string {
  const byWireName = new Map(
    operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => [parameter.wireName, parameter.name]),
  );
  const parts = operation.path.split(/(\{[^}]+\})/);
  if (parts.length === 1) return stringLiteral(operation.path);
  const text = parts
    .map((part) => {
      const placeholder = /^\{([^}]+)\}$/.exec(part)?.[1];
      const name = placeholder === undefined ? undefined : byWireName.get(placeholder);
      if (name === undefined) return part.replace(/[`\\$]/g, (match) => `\\${match}`);
      const parameter = operation.parameters.find((candidate) => candidate.name === name)!;
      const spans = parameter.spansSegments ? ', true' : '';
      const label = `${operation.name}(${name})`;
      const value = parameter.spansSegments ? name : wireValue(name, parameter.type, { location: 'path', index, runtime, label });
      return `\${${runtime}.pathParam(${value}, ${stringLiteral(label)}${spans})}`;
    })
    .join('');
  return `\`${text}\``;
}

/**
 * `["term", term]`, or one entry per property of a spread query object (an intersection's too,
 * as the document lists them); a record's own entries, or its JSON text when its values need it.
 */
function queryEntries(method: string, parameter: Parameter, index: DeclarationIndex, runtime: string): string[] {
  const where = { location: 'query' as const, index, runtime, label: `${method}(${parameter.name})` };
  const single = [`[${stringLiteral(parameter.wireName)}, ${wireValue(parameter.name, parameter.type, where)}]`];
  if (!parameter.spread) return single;
  const properties = objectProperties(parameter.type, index);
  if (!properties) return sentAsJson(parameter.type, 'query', index) ? single : [`...Object.entries(${parameter.name} ?? {})`];
  // `query?: Q` or `query: Q | null`: each property read through `?.`.
  const absent = parameter.optional || (parameter.type.kind === 'union' && parameter.type.members.some((member) => member.kind === 'null' || member.kind === 'undefined'));
  const dot = absent ? '?.' : '.';
  return properties.map((property) => {
    const access = isIdentifier(property.name) ? `${dot}${property.name}` : `${absent ? '?.' : ''}[${stringLiteral(property.name)}]`;
    return `[${stringLiteral(property.name)}, ${wireValue(`${parameter.name}${access}`, property.type, { ...where, label: `${method}(${parameter.name}.${property.name})` })}]`;
  });
}

/** The properties of an object type or intersection (through refs), or undefined when it is not a closed set of them. */
function objectProperties(node: TypeNode, index: DeclarationIndex): Property[] | undefined {
  const shape = mergedObject(withoutNullish(node), index);
  if (!shape || shape.additionalProperties) return undefined;
  return shape.properties;
}

function reviverFunction(node: TypeNode, inputs: OperationInputs): string | undefined {
  const expression = reviverExpression(node, { index: inputs.index, value: 'value', depth: 0, used: inputs.revived, runtime: inputs.runtime });
  return expression === undefined ? undefined : asFunction(expression, 'value');
}

function responseValidator(node: TypeNode, inputs: OperationInputs): string | undefined {
  const result: ValidatorCode = validatorCode(node, { validatorOf: inputs.validatorOf!, used: inputs.validated!, runtime: inputs.runtime });
  return result.kind === 'code' ? result.code : undefined;
}

/**
 * The validator of each documented error body the client can check, by status: only a client
 * generated with validators (`validateResponses`) has them, and only for a type the validators
 * check as it says (response-validators.ts).
 */
function errorValidators(operation: Operation, inputs: OperationInputs): Map<number, string> {
  const checks = new Map<number, string>();
  if (!inputs.validated) return checks;
  for (const error of operation.errors) {
    const check = error.type ? responseValidator(error.type, inputs) : undefined;
    if (check) checks.set(error.status, check);
  }
  return checks;
}

/**
 * `S<OperationId>Error`: the runtime's `ApiError` over the documented errors. A body is typed as
 * documented only where the client checks it (`checks`), since `is(status)` narrows it to that
 * type; elsewhere (a client without validators, a shape they cannot check, an error documented
 * without a type) it is `unknown`, and the doc comment names the documented type (tester3 T-2).
 */
function errorTypeView(operation: Operation, inputs: OperationInputs, checks: ReadonlyMap<number, string>): OperationView['errorType'] {
  if (operation.errors.length === 0) return undefined;
  const unchecked: string[] = [];
  const members = operation.errors.map((error) => {
    if (error.type && (checks.has(error.status) || error.type.kind === 'unknown')) return `{ status: ${error.status}; body: ${printType(error.type, inputs.index, inputs.references)} }`;
    // Named in the doc comment only: a scratch map, so the file imports no type it does not use.
    if (error.type) unchecked.push(`${error.status}: \`${printType(error.type, inputs.index, new Map())}\``);
    return `{ status: ${error.status}; body: unknown }`;
  });
  const name = `${inputs.serviceName}${pascalCase(operation.operationId)}Error`;
  const id = documentOperationId({ name: inputs.serviceName }, operation);
  const note =
    unchecked.length === 0
      ? ''
      : ` Bodies this client does not check are \`unknown\` (documented: ${unchecked.join(', ')}): ${inputs.validated ? 'this client has no check for that type (its CG5001 warning says why)' : 'it was generated without `validateResponses`'}.`;
  return {
    name,
    doc: docComment({ description: `The error answers \`${id}\` documents; \`error.is(status)\` narrows the body to its type where the client checked it.${note}` }),
    text: `${inputs.runtime}.ApiError<${members.join(' | ')}>`,
  };
}

function methodDoc(operation: Operation, errorTypeName: string | undefined): string {
  const description = [operation.summary, operation.docs.description].filter(Boolean).join('\n\n');
  const lines = [
    ...operation.parameters.flatMap((parameter) => (parameter.docs.description ? [`@param ${parameter.name} ${parameter.docs.description}`] : [])),
    ...(operation.response.description ? [`@returns ${operation.response.description}`] : []),
    ...operation.errors.map((error) =>
      [`@throws {${errorTypeName ?? 'ApiError'}} ${error.status}`, error.description].filter(Boolean).join(' '),
    ),
  ];
  const sendLine = `\`${operation.method} ${operation.path}\``;
  return docComment({ ...operation.docs, description: [description, sendLine].filter(Boolean).join('\n\n') }, lines);
}
