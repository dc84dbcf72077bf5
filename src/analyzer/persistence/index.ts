/** Persistence: entities, their columns and relations (`@entity`, TypeORM decorators). */
export { readEntities } from './read-entities.js';
export { isEntityDeclaration } from './entity-marker.js';
export type { ReadDeclaration } from './entity-index.js';
