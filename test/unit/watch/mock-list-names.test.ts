/**
 * A list builder's name depends on the other files of the run: `Room`'s is `mockRoomList` until a
 * mocked type `RoomList` appears anywhere, then `mockRoomArray` (mock/compile/function-names.ts).
 * In a watch, adding `RoomList` in another file must reach `room.mock.ts`, which is not edited (its
 * plan is kept under a key that holds the run's renamed list builders), and removing it must name
 * the builder back: each build writes what a cold run of the same sources writes.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/pipeline/run.js';
import { createWorkspace } from '../../../src/pipeline/workspace.js';
import { makeProject, readTree, removeProject, writeFile } from '../../helpers/workspace.js';

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) removeProject(folder);
});

const FILES = {
  'package.json': '{"type":"module"}',
  // Lib ES2022 and no @types: the models need neither, and each analysis then skips the DOM and Node declarations.
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', lib: ['ES2022'], types: [], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true } }),
  'codegen.config.yaml': 'input: ["src/models/**/*.ts"]\noutput: src/generated\ngenerators:\n  validate: {}\n  mock: {}\n',
  'src/models/room.ts': '/** @codegen mock validate */\nexport interface Room {\n  name: string;\n}\n',
};
/** The other file: with a mocked `RoomList` (`n` numbers its edits) or without one. */
const places = (roomList: boolean, n: number) =>
  roomList
    ? `import type { Room } from './room.js';\n\n/** @codegen mock validate */\nexport interface RoomList {\n  rooms: Room[];\n  n${n}: number;\n}\n`
    : `/** @codegen mock validate */\nexport interface Place {\n  n${n}: number;\n}\n`;

describe('renamed list builders in a watch', () => {
  it('follow a RoomList added to and removed from another file', async () => {
    const root = makeProject('mock-list-names', { ...FILES, 'src/models/places.ts': places(false, 0) });
    folders.push(root);
    const workspace = createWorkspace({ cwd: root, env: {}, reuse: true });
    const cold = async (roomList: boolean, n: number) => {
      const fresh = makeProject('mock-list-names-cold', { ...FILES, 'src/models/places.ts': places(roomList, n) });
      folders.push(fresh);
      expect((await run({ cwd: fresh, env: {} })).exitCode).toBe(0);
      return readTree(join(fresh, 'src/generated'));
    };
    try {
      expect((await workspace.build()).exitCode).toBe(0);
      for (const [roomList, n] of [[true, 1], [true, 2], [false, 3], [true, 4], [false, 5]] as const) {
        writeFile(root, 'src/models/places.ts', places(roomList, n));
        expect((await workspace.build({ files: [join(root, 'src/models/places.ts')] })).exitCode, `step ${n}`).toBe(0);
        const watched = readTree(join(root, 'src/generated'));
        const room = watched['room.mock.ts']!;
        if (roomList) {
          expect(room, `step ${n}`).toMatch(/export function mockRoomArray\(\s*count: number/);
          expect(room, `step ${n}`).not.toContain('function mockRoomList');
          expect(watched['places.mock.ts'], `step ${n}`).toMatch(/export function mockRoomList\(\s*overrides\?/);
        } else {
          expect(room, `step ${n}`).toMatch(/export function mockRoomList\(\s*count: number/);
          expect(room, `step ${n}`).not.toMatch(/mockRoomArray|Named `/);
        }
        expect(watched, `step ${n}`).toEqual(await cold(roomList, n));
      }
    } finally {
      await workspace.close();
    }
  }, 240_000);
});
