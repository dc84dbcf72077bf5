/** The warm analyzer of watch mode: refresh re-reads changed files, forgets removed ones. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../src/analyzer/index.js';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('createAnalyzer', () => {
  it('sees edits, new files and removals after refresh', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'codegen-analyzer-'));
    const user = path.join(dir, 'user.ts');
    writeFileSync(user, 'export interface User { id: string }\n');
    const analyzer = createAnalyzer({ rootDir: dir, displayRoot: dir, files: [user], defaultGenerators: ['validate'], knownGenerators: ['validate'] });
    expect(analyzer.analyze().model.declarations.map((d) => d.id)).toEqual(['User']);

    writeFileSync(user, 'export interface User { id: string; name: string }\n');
    const order = path.join(dir, 'order.ts');
    writeFileSync(order, 'export interface Order { total: number }\n');
    analyzer.refresh([user, order]);
    const { model } = analyzer.analyze();
    expect(model.declarations.map((d) => d.id)).toEqual(['Order', 'User']);
    const userType = model.declarations[1]!.type;
    expect(userType.kind === 'object' && userType.properties.map((p) => p.name)).toEqual(['id', 'name']);

    analyzer.refresh([], [order]);
    expect(analyzer.analyze().model.declarations.map((d) => d.id)).toEqual(['User']);
  });
});

describe('createAnalyzer and merged declarations', () => {
  it('reads a merged interface again when only the part in another file changes', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'codegen-analyzer-'));
    const account = path.join(dir, 'account.ts');
    const extra = path.join(dir, 'extra.ts');
    writeFileSync(account, 'export interface Account { id: string }\n');
    writeFileSync(extra, "declare module './account.js' { interface Account { balance: number } }\nexport {};\n");
    const analyzer = createAnalyzer({ rootDir: dir, displayRoot: dir, files: [account, extra], defaultGenerators: ['validate'], knownGenerators: ['validate'] });
    const names = (): unknown => {
      const type = analyzer.analyze().model.declarations.find((d) => d.id === 'Account')!.type;
      return type.kind === 'object' && type.properties.map((p) => p.name);
    };
    expect(names()).toEqual(['id', 'balance']);

    writeFileSync(extra, "declare module './account.js' { interface Account { balance: number; owner: string } }\nexport {};\n");
    analyzer.refresh([extra]);
    expect(names()).toEqual(['id', 'balance', 'owner']);
  });
});

describe('createAnalyzer and decorator constants', () => {
  it("reads a class again when a constant its decorator names changes in another file, through a re-export", () => {
    dir = mkdtempSync(path.join(tmpdir(), 'codegen-analyzer-'));
    const patterns = path.join(dir, 'patterns.ts');
    const index = path.join(dir, 'index.ts');
    const dto = path.join(dir, 'dto.ts');
    writeFileSync(patterns, 'export const SLUG = /^[a-z]+$/;\nexport const MAX = 4;\n');
    writeFileSync(index, "export * from './patterns.js';\n");
    writeFileSync(dto, [
      'declare function Matches(pattern: RegExp | string): PropertyDecorator;',
      'declare function MaxLength(max: number): PropertyDecorator;',
      "import { MAX, SLUG } from './index.js';",
      '/** @codegen validate */',
      'export class Dto {',
      '  @Matches(SLUG)',
      '  @MaxLength(MAX)',
      '  slug!: string;',
      '}',
      '',
    ].join('\n'));
    const analyzer = createAnalyzer({ rootDir: dir, displayRoot: dir, files: [patterns, index, dto], defaultGenerators: ['validate'], knownGenerators: ['validate'] });
    const constraints = (): unknown => {
      const type = analyzer.analyze().model.declarations.find((d) => d.id === 'Dto')!.type;
      return type.kind === 'object' && type.properties[0]!.type.kind === 'string' && type.properties[0]!.type.constraints;
    };
    expect(constraints()).toEqual({ pattern: { source: '^[a-z]+$', flags: '', asWritten: true }, isLength: { max: 4 } });

    writeFileSync(patterns, 'export const SLUG = /^[0-9]+$/;\nexport const MAX = 6;\n');
    analyzer.refresh([patterns]);
    expect(constraints()).toEqual({ pattern: { source: '^[0-9]+$', flags: '', asWritten: true }, isLength: { max: 6 } });
  });
});
