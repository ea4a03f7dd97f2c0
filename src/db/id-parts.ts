/**
 * Ids per read of documents by bare `_id $in`. Stand-in: mongo-java-server matches every document
 * it finds against the whole `$in` list again and applies the whole projection to each, so one
 * read's time grows with the square of its ids (1 000 ids: ~150–230 ms; as ten reads of 100:
 * ~15–45 ms; with one projected field per id, 1.3–2.5 s against ~0.1–0.15 s). On MongoDB the
 * split changes nothing but the number of (concurrent) reads.
 */
export const IDS_PER_READ = 100;

/** `items` in consecutive parts of at most `size` (none when `items` is empty). */
export function inParts<T>(items: readonly T[], size = IDS_PER_READ): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    parts.push(items.slice(start, start + size));
  return parts;
}
