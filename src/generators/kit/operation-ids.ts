/**
 * The operation ids of the OpenAPI document (and of the clients' errors). An `@operationId`
 * is used as written; any other operation is `<Service>_<method>` (`BookService_getBook`), the
 * rule of @nestjs/swagger. Prefixing every implicit id, not only colliding ones, keeps an id
 * from changing when another service with a method of the same name is added: generated SDKs
 * name their functions after these ids.
 */
import type { Operation, Service } from '../../model/types.js';

/**
 * The document's id of an operation. The model keeps the method name when no `@operationId`
 * was written, so an `@operationId` equal to the method name reads as none.
 */
export function documentOperationId(service: Pick<Service, 'name'>, operation: Pick<Operation, 'name' | 'operationId'>): string {
  return operation.operationId !== operation.name ? operation.operationId : `${service.name}_${operation.name}`;
}

/** An operation whose id an earlier one already has, with that earlier one. */
export interface OperationIdCollision {
  id: string;
  operation: Operation;
  service: Service;
  first: { operation: Operation; service: Service };
}

/** Every operation whose document id repeats an earlier one's, in service then method order. */
export function operationIdCollisions(services: readonly Service[]): OperationIdCollision[] {
  const seen = new Map<string, { operation: Operation; service: Service }>();
  const collisions: OperationIdCollision[] = [];
  for (const service of services) {
    for (const operation of service.operations) {
      const id = documentOperationId(service, operation);
      const first = seen.get(id);
      if (first) collisions.push({ id, operation, service, first });
      else seen.set(id, { operation, service });
    }
  }
  return collisions;
}
