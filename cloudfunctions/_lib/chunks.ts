/**
 * Run `work` over `items`, at most `size` at a time (bounded parallel database writes in timers
 * and long actions); `index` is the item's position in `items`.
 */
export async function inChunks<T>(items: T[], size: number, work: (item: T, index: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)));
}
