/**
 * The declaration readers, in one ordered list: the first reader that claims a node reads it.
 * The order matters because claims overlap: a `@service` interface is also an interface, so
 * the services reader comes before the type readers (an entity reader, by contrast, adds to
 * a type declaration and runs after it is read, so it does not belong in this list).
 */
import { enumDeclarations } from './enum-declarations.js';
import { classDeclarations, interfaceDeclarations } from './object-declarations.js';
import type { DeclarationReader } from './reader.js';
import { serviceDeclarations } from './service-declarations.js';
import { typeAliasDeclarations } from './type-alias-declarations.js';
import type { Node } from 'ts-morph';

export const DECLARATION_READERS: readonly DeclarationReader[] = [
  serviceDeclarations,
  enumDeclarations,
  interfaceDeclarations,
  classDeclarations,
  typeAliasDeclarations,
];

/** The reader that owns a declaration node, if any. */
export function readerFor(node: Node): DeclarationReader | undefined {
  return DECLARATION_READERS.find((reader) => reader.claims(node));
}
