/**
 * The opt-in mock hunt over every other fixture (hunt.ts says what it checks and how to run it):
 * nothing is imported or analysed unless MOCK_HUNT=1.
 */
import { describe, expect, it } from 'vitest';

const enabled = process.env['MOCK_HUNT'] === '1';
const hunt = enabled ? await import('./hunt.js') : undefined;

describe.runIf(enabled)('mock hunt over the other fixtures', () => {
  const hunted = !hunt ? [] : process.env['MOCK_HUNT_PROJECTS'] === '1' ? hunt.projectSources() : hunt.sources();
  for (const source of hunted) {
    it(`${source.name}: ${hunt!.SEEDS} seeds through isT and the schema`, async () => {
      expect(await hunt!.huntSource(source)).toBe('');
    }, 300_000);
  }
});
