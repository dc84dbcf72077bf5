export { main } from './main.js';
export { processIo } from './process-io.js';
export type { CliIo, CliStream } from './io.js';
