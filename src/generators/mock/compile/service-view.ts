/**
 * Service mocks: per service, the operations a mock implements and the expression of the mock
 * data each one answers with when the caller did not give that method.
 */
import type { Service } from '../../../model/types.js';
import { docComment, propertyAccess, stringLiteral } from '../../kit/emit.js';
import { serviceMockNames } from './function-names.js';
import type { MockCompiler } from './mock-compiler.js';
import { mockExpression } from './mock-strategy.js';
import { readsName } from '../../kit/reads-name.js';

export interface OperationView {
  name: string;
  /** `calls.getBook` (or `calls["odd-name"]`). */
  callsAccess: string;
  /** `partialImpl.getBook`. */
  implAccess: string;
  /** The method declares a `this` of the service's type: an override is called with the mock as `this` (`Operation.receivesService`). */
  receivesService: boolean;
  /** The mock response expression; empty for `void`. */
  response: string;
  /** The service method returns a Promise, so the mock answers with a resolved one. */
  async: boolean;
  /** The service method returns rxjs's Observable, so the mock answers with `of(value)` (imported as `OBSERVABLE_OF`). */
  observable: boolean;
}

/** The local name of rxjs's `of` in a mock file with an observable operation (no user type is named so). */
export const OBSERVABLE_OF = 'rxjsOf';

export interface ServiceView {
  name: string;
  names: { create: string; type: string };
  /** `Pick<BookService, "getBook" | …>`: what the mock implements. */
  operationsType: string;
  /** `"getBook" | …`. */
  operationNames: string;
  operations: OperationView[];
  /** Whether some response needs the generator `r` / the `depth` counter. */
  usesRng: boolean;
  usesDepth: boolean;
  /** rxjs's `of`, as the file imports it. */
  observableOf: string;
  docs: { type: string; create: string };
}

/** The view of one service's mock; the service type is recorded for import. */
export function serviceView(service: Service, compiler: MockCompiler): ServiceView {
  compiler.references.set(service.name, { name: service.name, file: service.source.file });
  const operationNames = service.operations.map((operation) => stringLiteral(operation.name)).join(' | ') || 'never';
  const operations = service.operations.map((operation) => ({
    name: operation.name,
    callsAccess: propertyAccess('calls', operation.name),
    implAccess: propertyAccess('partialImpl', operation.name),
    receivesService: operation.receivesService === true,
    async: operation.async,
    observable: operation.observable === true,
    response: operation.response.type
      ? mockExpression(operation.response.type, {
          compiler,
          name: undefined,
          base: `${service.name}${operation.name}`,
          label: `${service.name}.${operation.name}`,
          source: operation.source,
        })
      : '',
  }));
  return {
    name: service.name,
    names: serviceMockNames(service.name),
    operationsType: `Pick<${service.name}, ${operationNames}>`,
    operationNames,
    operations,
    usesRng: operations.some((operation) => readsName(operation.response, 'r', 'expression')),
    usesDepth: operations.some((operation) => readsName(operation.response, 'depth', 'expression')),
    observableOf: OBSERVABLE_OF,
    docs: {
      type: docComment({ description: `A mock \`${service.name}\`, with the arguments of every call recorded per method in \`calls\`.` }),
      create: docComment({
        description:
          `A \`${service.name}\` for tests: methods of \`partialImpl\` are called as given, the others answer with mock data ` +
          '(deterministic for `options.seed`); every call is recorded in `calls`.',
      }),
    },
  };
}
