/**
 * The small word lists the mock runtime embeds. They live here, as data, so that generation
 * time knows exactly how long each realistic value can be (see `text-kinds.ts`) and emits only
 * the lists an output uses.
 */
export const WORD_LISTS = {
  FIRST_NAMES: ['Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Edsger', 'Frances', 'Radia', 'Donald', 'Katherine', 'Hedy'],
  LAST_NAMES: ['Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie', 'Dijkstra', 'Allen', 'Perlman', 'Knuth', 'Johnson', 'Lamarr'],
  CITIES: ['Lisbon', 'Oslo', 'Kyoto', 'Nairobi', 'Lima', 'Montreal', 'Melbourne', 'Porto', 'Seville', 'Krakow', 'Hanoi', 'Dakar'],
  COUNTRIES: ['Portugal', 'Norway', 'Japan', 'Kenya', 'Peru', 'Canada', 'Australia', 'Spain', 'Poland', 'Vietnam', 'Senegal', 'Chile'],
  STREETS: ['Maple', 'Oak', 'Cedar', 'Elm', 'Harbor', 'Mill', 'Park', 'River', 'Church', 'Station'],
  STREET_TYPES: ['Street', 'Avenue', 'Road', 'Lane'],
  WORDS: ['amber', 'bright', 'canvas', 'delta', 'ember', 'forest', 'granite', 'harbor', 'island', 'jasmine', 'kettle', 'lantern', 'meadow', 'nectar', 'orbit', 'pebble', 'quartz', 'river', 'summit', 'timber', 'velvet', 'willow', 'yonder', 'zephyr'],
  DOMAINS: ['example.com', 'example.org', 'example.net', 'mail.test'],
} as const satisfies Record<string, readonly string[]>;

export type WordList = keyof typeof WORD_LISTS;

/** Shortest and longest entry of a list. */
export function listLengths(list: WordList): [number, number] {
  const lengths = WORD_LISTS[list].map((word) => word.length);
  return [Math.min(...lengths), Math.max(...lengths)];
}
