import { describe, expect, it } from 'vitest';
import { interpolate } from '../../../src/config/interpolate.js';

describe('interpolate', () => {
  const env = { HOME_DIR: '/home/ada', EMPTY: '' };

  it('replaces ${VAR} with its value', () => {
    expect(interpolate('${HOME_DIR}/models/**/*.ts', env)).toEqual({ value: '/home/ada/models/**/*.ts', undefinedVariables: [] });
  });

  it('uses the default when the variable is unset or empty', () => {
    expect(interpolate('${OUT:-src/generated}', env).value).toBe('src/generated');
    expect(interpolate('${EMPTY:-fallback}', env).value).toBe('fallback');
    expect(interpolate('${HOME_DIR:-unused}', env).value).toBe('/home/ada');
  });

  it('reports variables that are unset with no default', () => {
    expect(interpolate('a ${MISSING} b ${OTHER}', env)).toEqual({ value: 'a  b ', undefinedVariables: ['MISSING', 'OTHER'] });
    expect(interpolate('${EMPTY}', env)).toEqual({ value: '', undefinedVariables: [] });
  });

  it('keeps $${ as a literal ${', () => {
    expect(interpolate('price: $${HOME_DIR}', env).value).toBe('price: ${HOME_DIR}');
  });
});
