/**
 * Thrown by the layout printer when it meets a node, comment or option it does not print exactly
 * as Prettier does: the piece then goes to Prettier, unchanged.
 */
export class Unsupported extends Error {
  constructor(what: string) {
    super(`layout printer: ${what}`);
  }
}
