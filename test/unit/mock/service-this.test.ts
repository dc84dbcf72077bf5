/**
 * A service method may declare TypeScript's `this` parameter (tester10 F9): `this: void` (what
 * typescript-eslint's unbound-method asks for) or the service itself (`get(this: TService, id)`),
 * which says the method must be called on the service. The mock calls an override of such a
 * method with the mock service as `this`, so the generated file compiles under `--strict` and
 * the override may call the service's other methods through `this`.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/pipeline/run.js';
import { checkProject } from '../../helpers/tsc.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';

const SERVICES = `export interface Item { id: string }

/** @service /t */
export interface TService {
  /** @http DELETE /{id} */
  del: (this: void, id: string) => Promise<void>;
  /** @http GET /{id} */
  get(this: TService, id: string): Promise<Item>;
  /** @http GET / */
  list(): Promise<Item[]>;
}

/** @service /c */
export class CService {
  /** @http GET /{id} */
  one(this: CService, id: string): Promise<Item> {
    return Promise.resolve({ id });
  }
}
`;

// An override that reads the service through \`this\`, as its declared \`this: TService\` allows.
const USAGE = `import type { CService, TService } from './src/models/services.js';
import { createCServiceMock, createTServiceMock } from './src/generated/services.mock.js';

export const service: TService = createTServiceMock({
  async get(this: TService, id: string) {
    const [first] = await this.list();
    return first ?? { id };
  },
});
export const other: CService = createCServiceMock();
export const removed: Promise<void> = service.del('a');
`;

const root = makeProject('service-this', {
  'src/models/services.ts': SERVICES,
  'usage.ts': USAGE,
  'codegen.config.yaml': 'input: [src/models/**/*.ts]\noutput: src/generated\ngenerators:\n  mock: {}\n',
  'tsconfig.json': JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', types: [] },
    include: ['usage.ts', 'src/**/*.ts'],
  }),
});
afterAll(() => removeProject(root));

describe("a service method's this parameter in the mock", () => {
  it('compiles under --strict, an override of a this: TService method included', async () => {
    const result = await run({ cwd: root, env: {} });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(await checkProject(join(root, 'tsconfig.json'))).toBe('');
  }, 120_000);
});
