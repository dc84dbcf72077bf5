/** Services: HTTP operations from `@service` / `@Controller()` declarations. */
export { readServices, defaultTag } from './read-services.js';
export { isServiceDeclaration } from './service-marker.js';
export { joinPath, normalisePath, placeholdersOf } from './route.js';
