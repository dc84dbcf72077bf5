/** Plain-text tables: right-aligned numbers, a header rule, nothing that needs a terminal. */

/** Lays out rows under a header; by default the first column is left-aligned, the others right-aligned. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  leftAligned: readonly number[] = [0],
): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (leftAligned.includes(column) ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('   ')
      .trimEnd();
  return [line(header), widths.map((width) => '─'.repeat(width)).join('   '), ...rows.map(line)];
}

/** `1 234 567` style: readable at a glance, unambiguous across locales. */
export function formatCount(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** A ratio as `1.23×`. */
export function formatRatio(value: number): string {
  return `${value.toFixed(2)}×`;
}
