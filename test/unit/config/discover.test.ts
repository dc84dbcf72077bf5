import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile } from '../../../src/config/discover.js';
import { tempFolder } from './temp-folder.js';

describe('findConfigFile', () => {
  it('finds the config in the folder itself', () => {
    const dir = tempFolder({ 'package.json': '{}', 'codegen.config.yaml': 'input: [src]\n' });
    expect(findConfigFile(dir)).toBe(path.join(dir, 'codegen.config.yaml'));
  });

  it('walks up from a nested folder to the package root', () => {
    const dir = tempFolder({ 'package.json': '{}', 'codegen.config.json': '{}', 'src/models/user.ts': '' });
    expect(findConfigFile(path.join(dir, 'src/models'))).toBe(path.join(dir, 'codegen.config.json'));
  });

  it('prefers .yaml, then .yml, then .json in one folder', () => {
    const dir = tempFolder({ 'codegen.config.json': '{}', 'codegen.config.yml': '', 'package.json': '{}' });
    expect(findConfigFile(dir)).toBe(path.join(dir, 'codegen.config.yml'));
  });

  it('stops at the folder holding the nearest package.json', () => {
    const dir = tempFolder({ 'codegen.config.yaml': 'input: [src]\n', 'packages/api/package.json': '{}' });
    expect(findConfigFile(path.join(dir, 'packages/api'))).toBeUndefined();
    expect(findConfigFile(path.join(dir, 'packages'))).toBe(path.join(dir, 'codegen.config.yaml'));
  });
});
