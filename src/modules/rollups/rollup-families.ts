/**
 * Rollups: small documents under unique keys from which scorecards are computed without reading
 * the records. A **family** says, for one source collection, which buckets a record contributes to
 * and with what value: `contributions(record)` is a pure function of the stored record, so a
 * rollup can always be recomputed from the records (`npm run rollups:check`).
 *
 * A bucket is one family × branch × UTC month of an instant the family chooses (or `open` for
 * records with no such instant yet; tally families may also count it in its UTC quarter); it holds each contributing record's value under the record's
 * id. Keyed values make every update idempotent and let a changed record (reopened ticket,
 * corrected survey, another month) be moved: its previous buckets are kept in its membership
 * document and cleared when they are no longer its own. Calendar periods are cut by the reader
 * from the instants in the values, so branch time zones do not enter the keys.
 */

/** A stored record as a family sees it (projected fields only). */
export type SourceRecord = Record<string, unknown> & { _id: unknown };

/** A record's value in one bucket: plain data (numbers, strings, booleans, dates, arrays, null). */
export type Contribution = { bucket: string; value: unknown };

/** What a record contributes to one bucket of a family: the bucket's instant, and its value. */
export type CountedValue = { at: Date | null; value: unknown };

/** A kind of rollup over one source collection. */
export type RollupFamily = {
  /** Short name, part of bucket ids: `<name>|<branch>|<YYYY-MM or open>`. */
  name: string;
  /** The mongoose model name of the records (`FaultTicket`, …). */
  source: string;
  /** Fields `contribute` reads (besides `_id` and `branchCode`). */
  fields: readonly string[];
  /**
   * The bucket (UTC month of the returned instant, or `open` for null) and value of a record;
   * undefined when the record does not count in this family. A list when the record counts in
   * several buckets of the family (an account's coverage in each quarter): each in its own
   * bucket. `context` is what the source's `RollupContext` gives for the record (undefined when
   * it has none, or when only a change of the record's own contribution is looked for).
   */
  contribute: (
    record: SourceRecord,
    context?: unknown,
  ) => CountedValue | readonly CountedValue[] | undefined;
  /**
   * A bucket keyed by something else than branch × month (e.g. the record's account, or the
   * branch alone): its whole id, or null for none. Such buckets have no month list; a tally's
   * has no edge entries either (its count paths say what the reader needs).
   */
  bucketOf?: (record: SourceRecord) => string | null;
  /**
   * Counts instead of values: `contribute` returns the count paths (`.`-separated segments
   * without `$`; see `tallyKey`) the record adds one to, or `{ k, w }`: those and paths it adds
   * a whole number to (`w`: path → weight, for exact sums), and an instant (never null).
   */
  tally?: boolean;
  /**
   * A tally family whose records also count in their UTC quarter's bucket
   * (`<name>|<branch>|<YYYY>-Q<n>`, edge entries only near the quarter's start and end): a period
   * covering a quarter to within its edges (a quarter or a year in any zone) reads one document
   * per quarter instead of its three months, for one more bucket write per record written.
   */
  quarters?: boolean;
};

/** What a tally family's `contribute` returns as value: count paths, and weighted paths. */
export type TallyPaths = string[] | { k: string[]; w: Record<string, number> };

/**
 * A record's contribution to a tally bucket: its count paths (each + 1), its weighted paths
 * (each + its weight; absent when none), and its instant near an edge.
 */
export type TallyContribution = { k: string[]; w?: Record<string, number>; at?: Date };

/** What a tally contribution adds to each path. */
export function tallyIncrements({ k, w }: Pick<TallyContribution, 'k' | 'w'>): [string, number][] {
  return [...k.map((path): [string, number] => [path, 1]), ...Object.entries(w ?? {})];
}

/**
 * How a tally bucket keeps a record near an edge (see `edgeKey`): its contribution as one string,
 * the JSON of `[instant in ms, count paths]` or `[instant in ms, count paths, weighted paths]`.
 * A cold read decodes these entries by the hundred, and a document's values one by one (the
 * stand-in too, whatever the read projects), so one string per record costs far less than an
 * object with a value per path; the counts the reader takes from it are the same.
 */
export type EdgeEntry = string;

/** The edge entry of a contribution near an edge. */
export function edgeEntry({ k, w, at }: TallyContribution & { at: Date }): EdgeEntry {
  return JSON.stringify(w === undefined ? [at.getTime(), k] : [at.getTime(), k, w]);
}

/** An edge entry's instant (ms) and what it adds to each path. */
export function edgeEntryIncrements(entry: EdgeEntry): {
  at: number;
  increments: [string, number][];
} {
  const [at, k, w] = JSON.parse(entry) as [number, string[], Record<string, number>?];
  return { at, increments: tallyIncrements({ k, w }) };
}

// Paths sorted and zero weights left out: a contribution compares equal however it was built.
function tallyValue(paths: TallyPaths): TallyContribution {
  const [k, w] = Array.isArray(paths) ? [paths, {}] : [paths.k, paths.w];
  const weighted = Object.entries(w)
    .filter(([, n]) => n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { k: [...k].sort(), ...(weighted.length > 0 ? { w: Object.fromEntries(weighted) } : {}) };
}

/** Hours around a UTC month boundary where some time zone's local midnight of the 1st can fall. */
export const EDGE_MS = 14 * 3_600_000;

function monthBounds(at: Date): { start: number; end: number } {
  return {
    start: Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1),
    end: Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1),
  };
}

function quarterBounds(at: Date): { start: number; end: number } {
  const first = Math.floor(at.getUTCMonth() / 3) * 3;
  return {
    start: Date.UTC(at.getUTCFullYear(), first, 1),
    end: Date.UTC(at.getUTCFullYear(), first + 3, 1),
  };
}

const nearEdge = (at: Date, { start, end }: { start: number; end: number }) =>
  at.getTime() - start < EDGE_MS || end - at.getTime() <= EDGE_MS;

/** Whether an instant lies within `EDGE_MS` of its UTC month's start or end. */
export const nearMonthEdge = (at: Date): boolean => nearEdge(at, monthBounds(at));

/** Whether an instant lies within `EDGE_MS` of its UTC quarter's start or end. */
export const nearQuarterEdge = (at: Date): boolean => nearEdge(at, quarterBounds(at));

/** The quarter part of a bucket id: `<YYYY>-Q<n>` of the instant's UTC quarter. */
export const bucketQuarter = (at: Date): string =>
  `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;

const QUARTER_LABEL = /^\d{4}-Q[1-4]$/;

/** Whether a bucket id is a quarter's (see `quarters`). */
export const isQuarterBucket = (bucket: string): boolean =>
  QUARTER_LABEL.test(bucket.slice(bucket.lastIndexOf('|') + 1));

/** Width of the slots a tally bucket keeps its edge records in (a reader reads the slots it cuts). */
export const EDGE_SLOT_MS = 3_600_000;

/** Where a tally bucket keeps a record near an edge of its month: `e0` its start, `e1` its end. */
export const edgeField = (at: Date): 'e0' | 'e1' =>
  at.getTime() - monthBounds(at).start < EDGE_MS ? 'e0' : 'e1';

/**
 * The instant an edge's slots count from: the month's start (`e0`), or `EDGE_MS` before its end
 * (`e1`). A quarter's edges are its first month's start and its last month's end.
 */
export function edgeStart(at: Date): number {
  const { start, end } = monthBounds(at);
  return edgeField(at) === 'e0' ? start : end - EDGE_MS;
}

/**
 * Where a tally bucket keeps a record near an edge: `<e0 or e1>.<slot>`, the slot being the hour
 * of the edge it lies in (0–13), so a reader cutting a few hours into an edge reads those hours.
 */
export const edgeKey = (at: Date): string =>
  `${edgeField(at)}.${Math.floor((at.getTime() - edgeStart(at)) / EDGE_SLOT_MS)}`;

/** A value as one segment of a count path (`.` is the path separator, so `12.5` is `12_5`). */
export const tallyKey = (value: unknown): string => String(value).replaceAll('.', '_');

/** The value of a count path segment written by `tallyKey` (numbers only). */
export const tallyKeyValue = (segment: string): number => Number(segment.replaceAll('_', '.'));

const families = new Map<string, RollupFamily>();

/** Declares a family; once per family, at module load. */
export function registerRollupFamily(family: RollupFamily): void {
  if (families.has(family.name)) throw new Error(`rollup family ${family.name} registered twice`);
  if (family.name.includes('|')) throw new Error(`rollup family name ${family.name} has a "|"`);
  families.set(family.name, family);
}

/** Every registered family. */
export function rollupFamilies(): RollupFamily[] {
  return [...families.values()];
}

/** The families over one source model. */
export function familiesOf(source: string): RollupFamily[] {
  return rollupFamilies().filter((family) => family.source === source);
}

/** Source model names that have at least one family. */
export function rollupSources(): string[] {
  return [...new Set(rollupFamilies().map((family) => family.source))];
}

/** The month part of a bucket id: the UTC month of the instant, or `open`. */
export function bucketMonth(at: Date | null): string {
  return at === null ? 'open' : at.toISOString().slice(0, 7);
}

/** A bucket id. */
export function bucketId(family: string, branchCode: string, month: string): string {
  return `${family}|${branchCode}|${month}`;
}

/** The id of the document listing a family's months of one branch (for open-ended reads). */
export function monthsId(family: string, branchCode: string): string {
  return `${family}|${branchCode}|months`;
}

/** Every bucket a record contributes to, over every family of its source. */
export function contributionsOf(
  source: string,
  record: SourceRecord,
  context?: unknown,
): Contribution[] {
  const branchCode = record.branchCode;
  if (typeof branchCode !== 'string') return [];
  return familiesOf(source).flatMap((family) => {
    const found = family.contribute(record, context);
    const counted: readonly CountedValue[] =
      found === undefined ? [] : isList(found) ? found : [found];
    if (family.bucketOf) {
      const keyed = family.bucketOf(record);
      if (keyed === null || counted.length === 0) return [];
      if (counted.length > 1) throw new Error(`rollup family ${family.name}: one keyed bucket`);
      const value = family.tally ? tallyValue(counted[0]!.value as TallyPaths) : counted[0]!.value;
      return [{ bucket: keyed, value }];
    }
    const contributions = counted.flatMap(({ at, value }) =>
      monthContributions(family, branchCode, at, value),
    );
    if (new Set(contributions.map((c) => c.bucket)).size < contributions.length)
      throw new Error(`rollup family ${family.name}: a record counted twice in one bucket`);
    return contributions;
  });
}

const isList = (found: CountedValue | readonly CountedValue[]): found is readonly CountedValue[] =>
  Array.isArray(found);

// Its month's bucket, and its quarter's when the family keeps quarters; a tally's value with its
// instant when near an edge of that bucket's span.
function monthContributions(
  family: RollupFamily,
  branchCode: string,
  at: Date | null,
  value: unknown,
): Contribution[] {
  const bucket = bucketId(family.name, branchCode, bucketMonth(at));
  if (!family.tally) return [{ bucket, value }];
  const paths = tallyValue(value as TallyPaths);
  const month = { bucket, value: { ...paths, ...(nearMonthEdge(at!) ? { at: at! } : {}) } };
  if (!family.quarters) return [month];
  const quarter = {
    bucket: bucketId(family.name, branchCode, bucketQuarter(at!)),
    value: { ...paths, ...(nearQuarterEdge(at!) ? { at: at! } : {}) },
  };
  return [month, quarter];
}

/** Whether a bucket is listed by month for its family and branch (not keyed, not a quarter's). */
export function listsMonths(bucket: string): boolean {
  const family = families.get(bucket.slice(0, bucket.indexOf('|')));
  return family !== undefined && family.bucketOf === undefined && !isQuarterBucket(bucket);
}

/** Keyed buckets (an account's follow-up instants): item values that others read on write. */
export const isKeyed = (bucket: string): boolean => !isTallyBucket(bucket) && !listsMonths(bucket);

/**
 * What a source's families read besides the record itself (follow-up compliance: the completion
 * instants of the record's account): on write from documents the rollups keep (read after the
 * record's own keyed buckets are written, see `refreshRollups`), and for the check and the
 * rebuild recomputed from the records.
 */
export type RollupContext = {
  /** The key of a record's context; null when it has none. */
  keyOf: (record: SourceRecord) => string | null;
  /** Contexts by key, from the rollups' own documents. */
  read: (keys: string[]) => Promise<Map<string, unknown>>;
  /** Every context, recomputed from the records. */
  readAll: () => Promise<Map<string, unknown>>;
};

const contexts = new Map<string, RollupContext>();

/** Declares the context of a source's families; once per source, at module load. */
export function registerRollupContext(source: string, context: RollupContext): void {
  if (contexts.has(source)) throw new Error(`rollup context of ${source} registered twice`);
  contexts.set(source, context);
}

/** The context of a source's families, if it has one. */
export function contextOf(source: string): RollupContext | undefined {
  return contexts.get(source);
}

/** Whether a bucket id belongs to a tally family. */
export function isTallyBucket(bucket: string): boolean {
  return families.get(bucket.slice(0, bucket.indexOf('|')))?.tally === true;
}

/** The fields to read from a source's records to compute all its contributions. */
export function projectionOf(source: string): Record<string, 1> {
  const fields = familiesOf(source).flatMap((family) => family.fields);
  return Object.fromEntries(['branchCode', ...fields].map((field) => [field, 1]));
}
