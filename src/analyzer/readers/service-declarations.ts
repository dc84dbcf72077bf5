/**
 * Services (`@service` interfaces or classes, `@Controller()` classes) are not types: this
 * reader claims them first so the type readers never collect them. The services reader
 * that fills `model.services` replaces it in the registry.
 */
import { Node } from 'ts-morph';
import { jsDocTagNames } from '../tags/jsdoc.js';
import type { DeclarationReader } from './reader.js';

export const serviceDeclarations: DeclarationReader = {
  name: 'service-declarations',
  claims(node) {
    if (!Node.isInterfaceDeclaration(node) && !Node.isClassDeclaration(node)) return false;
    const tagged = jsDocTagNames(node).includes('service');
    return tagged || (Node.isClassDeclaration(node) && node.getDecorators().some((d) => d.getName() === 'Controller'));
  },
};
