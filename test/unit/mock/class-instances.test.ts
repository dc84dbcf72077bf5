/**
 * Mocks that broke `tsc --strict` (found by the mock hunt, hunt.ts, over analyzer fixtures
 * `methods-unimportable` and `lib-members-located`):
 *
 * - a class that is not exported and has a non-public member (`class Vault { private secret }`)
 *   is nominal: no object literal is one (TS2741), and the mock cannot import its prototype. Its
 *   mock is a located CG5001 warning and throws; a required use of it throws too, an optional one
 *   is left out. A class that is not exported with public members only stays a plain object.
 * - a union with a platform class (`URL | Date`, `ArrayBuffer | string`) was mocked as
 *   `oneOf<unknown | Date>(…)`, which is not assignable to the property (TS2322): the member is
 *   typed as the class the mock builds.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyzer/index.js';
import { mockGenerator } from '../../../src/generators/mock/index.js';
import type { Model } from '../../../src/model/types.js';
import { typecheck } from '../../helpers/typecheck.js';
import { makeProject, removeProject } from '../../helpers/workspace.js';
import { CONTEXT, materialize, type GeneratedFunction } from './helpers.js';

const SOURCE = `class Vault {
  private secret = '';
  label = '';
}

class Plain {
  label = '';
  greet(): string {
    return this.label;
  }
}

/** @codegen mock */
export interface Holder {
  vault: Vault;
  plain: Plain;
}

/** @codegen mock */
export interface Optional {
  vault?: Vault;
  plain?: Plain;
  name: string;
}

/** @codegen mock validate */
export interface Platform {
  link: URL | Date;
  data: ArrayBuffer | string;
  bytes: Uint8Array | null;
}
`;

let root: string;
let model: Model;
let folder: string;
let exports: Record<string, GeneratedFunction>;

describe('mocks of classes they cannot import, and of unions with platform classes', () => {
  beforeAll(async () => {
    root = makeProject('mock-class-instances', { 'input/types.ts': SOURCE });
    model = analyze({ rootDir: root, files: [join(root, 'input/types.ts')], defaultGenerators: ['mock'], knownGenerators: ['mock', 'validate'], displayRoot: root }).model;
    folder = await materialize({ name: 'class-instances', model, copy: ['input'], root, context: CONTEXT }, join(root, 'out'), undefined, false);
    const generated = (file: string) => pathToFileURL(join(folder, 'generated', file)).href;
    exports = { ...(await import(generated('types.mock.ts'))), ...(await import(generated('types.validate.ts'))) } as Record<string, GeneratedFunction>;
  }, 120_000);
  afterAll(() => removeProject(root));

  it('reports the nominal class it cannot build as a located warning, nothing else', () => {
    const diagnostics = mockGenerator.check!(model, { split: 'file', seed: 42, maxDepth: 3 }, CONTEXT);
    expect(diagnostics.map(({ code, severity, line, message }) => ({ code, severity, line, message }))).toEqual([
      {
        code: 'CG5001',
        severity: 'warning',
        line: 1,
        message:
          'mock cannot build Vault: the class is not exported, and only its instances are values of it (its non-public members: secret), and its mock needs it as a value (its prototype); the mocks that hold it throw when called.',
      },
    ]);
  });

  it('compiles under tsc --strict', async () => {
    expect(await typecheck(folder)).toBe('');
  }, 120_000);

  it('throws for a required Vault, leaves an optional one out, and builds the plain class', () => {
    expect(() => exports['mockHolder']!()).toThrow('No mock can be built for Vault: the class is not exported');
    for (let seed = 0; seed < 40; seed++) {
      const value = exports['mockOptional']!({}, { seed }) as Record<string, unknown>;
      expect('vault' in value, `seed ${seed}`).toBe(false);
      if ('plain' in value) expect(value['plain']).toMatchObject({ label: expect.any(String) });
    }
  });

  it('mocks each platform class member of a union, and isT accepts every mock', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      const value = exports['mockPlatform']!({}, { seed }) as Record<string, unknown>;
      expect(exports['isPlatform']!(value), `seed ${seed}`).toBe(true);
      for (const member of [value['link'], value['data']]) seen.add(Object.prototype.toString.call(member));
    }
    expect(seen).toEqual(new Set(['[object URL]', '[object Date]', '[object ArrayBuffer]', '[object String]']));
  });
});
