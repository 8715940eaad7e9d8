/** Splits a list into consecutive batches of at most `size` items (the last may be shorter). */
export function inBatches<T>(items: T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error('batch size must be a whole number ≥ 1');
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
