/**
 * The runtime's statements through node-postgres on a real PostgreSQL server (started by
 * `scripts/postgres.sh` or named by `CODEGEN_TEST_POSTGRES_URL`); skipped, with the reason, where
 * no server can be started.
 */
import { describe } from 'vitest';
import { findPostgres } from '../../helpers/databases.js';
import { engineSuite } from './engine-suite.js';
import { postgresEngine } from './engines.js';

const server = await findPostgres();

describe.skipIf(server.url === undefined)(`PostgreSQL${server.skipNote}`, () => engineSuite(() => postgresEngine(server.url as string)));
