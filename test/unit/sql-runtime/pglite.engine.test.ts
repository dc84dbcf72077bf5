/** The runtime's statements on PGlite (PostgreSQL compiled to WebAssembly). */
import { describe } from 'vitest';
import { engineSuite } from './engine-suite.js';
import { pgliteEngine } from './engines.js';

describe('PGlite', () => engineSuite(pgliteEngine));
