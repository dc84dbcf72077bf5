/** The runtime's statements on better-sqlite3, with integers as numbers and as bigints (safe integers). */
import { describe } from 'vitest';
import { engineSuite } from './engine-suite.js';
import { sqliteEngine } from './engines.js';

describe('SQLite', () => engineSuite(() => sqliteEngine(false)));
describe('SQLite (safe integers)', () => engineSuite(() => sqliteEngine(true)));
