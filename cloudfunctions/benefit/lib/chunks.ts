/** Run `work` over `items`, at most `size` at a time (bounded parallel database writes in timers). */
export async function inChunks<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
