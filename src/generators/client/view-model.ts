/**
 * The client generator's view models: which services each output file holds, their methods,
 * the revivers of the `Date`s their answers carry, and the imports (user types with
 * `import type`, the validate generator's `validateT`, the client runtime). Pure data in, plain data out.
 */
import type { Model, Service } from '../../model/types.js';
import type { CommonGeneratorOptions, FoundExport, PlanContext } from '../kit/contract.js';
import { createDeclarationIndex, type DeclarationIndex } from '../kit/declaration-index.js';
import { docComment, NameAllocator } from '../kit/emit.js';
import { groupImports, importedName, type ImportView } from '../kit/imports.js';
import { importPath, importPathBetweenOutputs, locatedOutputPath, OutputNames } from '../kit/output-paths.js';
import type { TypeReference } from '../kit/print-type.js';
import { operationView, type OperationView } from './operation-view.js';
import { declarationRevivers, reviverName } from './revivers.js';
import { wireType } from './wire-type.js';

export const GENERATOR_NAME = 'client';
/** The generator whose `validateT` functions check responses (role `validate` of its exports). */
export const VALIDATE_GENERATOR = 'validate';
/** The runtime file, emitted once at the root of the generator's output folder. */
export const RUNTIME_FILE = 'client-runtime.ts';
/** What the output folder's index re-exports from the runtime: the public names only. */
export const RUNTIME_EXPORTS = [
  'ApiError',
  'ResponseValidationError',
  'type ClientOptions',
  'type RequestOptions',
  'type ErrorResponse',
  'type ResponseIssue',
];

export interface ClientOptions {
  /** Emit response validation with the validate generator's functions (then the client uses `validate`). */
  validateResponses: boolean;
}

export type { ImportView };

export interface ServiceView {
  className: string;
  doc: string;
  operations: OperationView[];
}

export interface ClientFileView {
  typeImports: ImportView[];
  validatorImports: ImportView[];
  /** `import * as <name> from <from>`: the runtime, under a name no identifier of the file takes. */
  runtimeImport: { name: string; from: string };
  services: ServiceView[];
  revivers: string[];
}

export interface PlannedClientFile {
  path: string;
  source: string;
  view: ClientFileView;
}

/** The services the client generator emits for: `client` among their generators, not `@internal`. */
export function clientServices(model: Model, index: DeclarationIndex): Service[] {
  return model.services
    .filter((service) => service.generators.includes(GENERATOR_NAME) && !service.internal)
    .map((service) => ({ ...service, operations: service.operations.map((operation) => withWireResponse(operation, index)) }));
}

/** The operation with its response typed as what travels: a value with its own toJSON() as toJSON's result (wire-type.ts). */
function withWireResponse(operation: Service['operations'][number], index: DeclarationIndex): Service['operations'][number] {
  const declared = operation.response.type;
  const type = declared ? wireType(declared, index) : undefined;
  return type === declared ? operation : { ...operation, response: { ...operation.response, type } };
}

/** `BookService` → `BookServiceClient`. */
export function clientClassName(service: Service): string {
  return `${service.name}Client`;
}

/** Plans every client file's view model (pure). */
export function buildClientPlan(model: Model, options: ClientOptions & CommonGeneratorOptions, context: PlanContext): PlannedClientFile[] {
  const index = createDeclarationIndex(model);
  const groups = new Map<string, { source: string; services: Service[] }>();
  const names = new OutputNames(GENERATOR_NAME, options, context);
  for (const service of clientServices(model, index)) {
    const path = names.pathFor({ sourcePath: service.source.file, typeName: service.name });
    const group = groups.get(path) ?? { source: service.source.file, services: [] };
    group.services.push(service);
    groups.set(path, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, group]) => ({ path, source: group.source, view: fileView(path, group.services, { index, options, context }) }));
}

interface FileInputs {
  index: DeclarationIndex;
  options: ClientOptions & CommonGeneratorOptions;
  context: PlanContext;
}

function fileView(path: string, services: Service[], inputs: FileInputs): ClientFileView {
  const { index, options, context } = inputs;
  const references = new Map<string, TypeReference>();
  const revived = new Set<string>();
  const validated = options.validateResponses ? new Map<string, FoundExport>() : undefined;
  const validatorOf = (id: string) => context.findExport(VALIDATE_GENERATOR, { declaration: id, role: 'validate' });
  const fileValues = new Set(
    index.all.flatMap((declaration) => [reviverName(declaration.name), ...(validated ? [validatorOf(declaration.id)?.name ?? ''] : [])]).filter(Boolean),
  );
  const runtime = runtimeNamespace(services, index, fileValues);
  const serviceViews = services.map((service) => ({
    className: clientClassName(service),
    doc: docComment({
      ...service.docs,
      description: [service.docs.description, `Client of \`${service.name}\`.`].filter(Boolean).join('\n\n'),
    }),
    operations: service.operations.map((operation) =>
      operationView(operation, { index, references, serviceName: service.name, revived, runtime, fileValues, ...(validated ? { validated, validatorOf } : {}) }),
    ),
  }));
  const located = locatedOutputPath(path, options);
  const typeImports = groupImports([...references.values()].map((reference) => ({ name: importedName(reference), from: importPath(located, reference.file, context) })));
  const validatorImports = groupImports(
    [...(validated?.values() ?? [])].map((found) => ({ name: found.name, from: importPathBetweenOutputs(located, found.path, context) })),
  );
  const revivers = declarationRevivers(revived, index, runtime).map((reviver) => reviver.code);
  return {
    typeImports,
    validatorImports,
    runtimeImport: { name: runtime, from: importPathBetweenOutputs(path, RUNTIME_FILE, context) },
    services: serviceViews,
    revivers,
  };
}

/**
 * The name the file imports the runtime under (`import * as runtime`): one no identifier of the
 * file takes, so no user type, service or parameter named `pathParam`, `ClientOptions` or
 * `ApiError` clashes with or shadows a runtime export (a parameter named `runtime` makes it `runtime2`).
 */
function runtimeNamespace(services: Service[], index: DeclarationIndex, fileValues: ReadonlySet<string>): string {
  const names = new NameAllocator();
  names.reserve(...fileValues, ...index.all.map((declaration) => declaration.name));
  for (const service of services) {
    names.reserve(service.name, clientClassName(service));
    for (const operation of service.operations) names.reserve(...operation.parameters.map((parameter) => parameter.name));
  }
  return names.allocate('runtime');
}
