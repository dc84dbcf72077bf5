/**
 * What mock's files export, described for generators that build on it (`uses: ['mock']`). The
 * roles are mock's public contract with them (docs/templates-and-plugins.md):
 *
 * - per declaration: `mock` (`mockT(overrides?, options?)`), `mockList` (`mockTList(count,
 *   options?)`, or `mockTArray`… beside a mocked type `TList`: function-names.ts) and `random`
 *   (`randomT(r, depth)`, the seeded builder other mocks call);
 * - per service: `serviceMock` (`createSMock(partialImpl?, options?)`) and `serviceMockType` (`SMock`);
 * - in the runtime file: `Rng`, `DeepPartial`, `MockOptions`, `DEFAULT_SEED`, `MAX_DEPTH`,
 *   `seededRng`, `mockOne`, `mockList`, `deepMerge`, and each helper it holds under its own name.
 */
import type { Declaration, Service } from '../../model/types.js';
import type { PlannedExport } from '../kit/contract.js';
import { serviceMockNames, type MockNaming } from './compile/function-names.js';
import { PRIVATE_HELPERS, RUNTIME_HELPERS, type RuntimeHelper } from './compile/runtime-helpers.js';

/** The exports of a mock file: each declaration's and service's functions (a list builder by the run's `naming`). */
export function fileExports(declarations: readonly Declaration[], services: readonly Service[], naming: MockNaming): PlannedExport[] {
  const forDeclarations = declarations.flatMap((declaration) => {
    const names = naming.functions(declaration.name);
    return [
      { name: names.mock, role: 'mock', declaration: declaration.id },
      { name: names.list, role: 'mockList', declaration: declaration.id },
      { name: names.random, role: 'random', declaration: declaration.id },
    ];
  });
  const forServices = services.flatMap((service) => {
    const names = serviceMockNames(service.name);
    return [
      { name: names.create, role: 'serviceMock', service: service.id },
      { name: names.type, role: 'serviceMockType', service: service.id, typeOnly: true },
    ];
  });
  return [...forDeclarations, ...forServices];
}

const CORE_EXPORTS: readonly PlannedExport[] = [
  { name: 'DeepPartial', role: 'DeepPartial', typeOnly: true },
  { name: 'MockOptions', role: 'MockOptions', typeOnly: true },
  { name: 'DEFAULT_SEED', role: 'DEFAULT_SEED' },
  { name: 'MAX_DEPTH', role: 'MAX_DEPTH' },
  { name: 'Rng', role: 'Rng' },
  { name: 'seededRng', role: 'seededRng' },
  { name: 'mockOne', role: 'mockOne' },
  { name: 'mockList', role: 'mockList' },
  { name: 'deepMerge', role: 'deepMerge' },
];

/** The exports of the runtime file: its core and the helpers it holds. */
export function runtimeExports(helpers: Record<string, boolean>): PlannedExport[] {
  const included = RUNTIME_HELPERS.filter((helper: RuntimeHelper) => helpers[helper] && !PRIVATE_HELPERS.has(helper));
  return [...CORE_EXPORTS, ...included.map((helper) => ({ name: helper, role: helper }))];
}
