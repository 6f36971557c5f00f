/** Formatting of the benchmark's table and summary. */
export type Cell = string | number | undefined;

export function fmt(value: number | undefined, digits = 0): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A Markdown table, padded so it also reads well in a terminal. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const text = [header, ...rows].map((row) => row.map((cell) => (cell === undefined ? '' : String(cell))));
  const widths = header.map((_, i) => Math.max(3, ...text.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(text[0] ?? []), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...text.slice(1).map(line)].join('\n');
}
