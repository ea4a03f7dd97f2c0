/** Talks to a running Journey service's GraphQL API with an integration token. */
export type ImportApi = {
  columnsOf(kind: string): Promise<{ name: string; required: boolean; description: string }[]>;
  defaultSourceSystem(): Promise<string | null>;
  importBatch(args: {
    kind: string;
    sourceSystem: string;
    rows: Record<string, unknown>[];
    dryRun: boolean;
  }): Promise<BatchAnswer>;
};

/** What the service answered for one batch. */
export type BatchAnswer = {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  results: { index: number; status: string; reason: string | null; field: string | null }[];
};

/** A refusal that retrying cannot fix (bad token, wrong source system, unknown kind, wrong URL). */
export class ImportRefusedError extends Error {}

/** The service could not be reached (or kept failing) after every retry. */
export class ServiceUnreachableError extends Error {}

const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

const IMPORT_MUTATION = `mutation($kind: String!, $source: String!, $rows: [JSONObject!]!, $dry: Boolean) {
  importRecords(kind: $kind, sourceSystem: $source, rows: $rows, dryRun: $dry) {
    read inserted updated unchanged rejected results { index status reason field }
  }
}`;

/**
 * The GraphQL endpoint for what the user typed: an http(s) URL; the service's base URL (no path)
 * means its /graphql. Throws ImportRefusedError for anything else.
 */
export function graphqlEndpoint(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new ImportRefusedError(`--url ${input} is not a URL: give e.g. http://host:4000/graphql`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ImportRefusedError(`--url ${input} is not an http(s) URL`);
  }
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/graphql';
  return url.toString();
}

const causeOf = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
};

/** Reads a GraphQL answer, or says why what came back is not one (a wrong URL, a proxy page). */
async function graphqlBody<T>(url: string, response: Response) {
  const type = response.headers.get('content-type') ?? '';
  const hint = `${url} answered HTTP ${response.status}${type ? ` (${type.split(';')[0]})` : ''}, not GraphQL: give the service's GraphQL endpoint, e.g. ${new URL('/graphql', url)}`;
  if (!/json/.test(type)) throw new ImportRefusedError(hint);
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (response.status === 404 || (!body.data && !body.errors)) throw new ImportRefusedError(hint);
  if (body.errors?.length) {
    const prefix = response.status === 401 ? 'the service refused JOURNEY_TOKEN: ' : '';
    throw new ImportRefusedError(prefix + body.errors.map((e) => e.message).join('; '));
  }
  return body.data as T;
}

/**
 * A GraphQL client that retries what may pass on a retry (network, 5xx; batches are idempotent),
 * telling `notice` about every retry, and names the URL when it gives up.
 */
export function createImportApi(
  url: string,
  token: string,
  notice: (message: string) => void = () => undefined,
  retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
): ImportApi {
  async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      let problem: string;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        if (response.status < 500) return await graphqlBody<T>(url, response);
        problem = `HTTP ${response.status}`;
      } catch (error) {
        if (error instanceof ImportRefusedError) throw error;
        problem = causeOf(error);
      }
      const delay = retryDelaysMs[attempt];
      if (delay === undefined) {
        const waited = retryDelaysMs.reduce((sum, ms) => sum + ms, 0) / 1000;
        throw new ServiceUnreachableError(
          `cannot reach the service at ${url}: ${problem} (${attempt + 1} attempts over ${waited} s)`,
        );
      }
      notice(`service at ${url}: ${problem}; retrying in ${delay / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return {
    async columnsOf(kind) {
      const data = await request<{
        importKinds: {
          kind: string;
          columns: { name: string; required: boolean; description: string }[];
        }[];
      }>('query ImportKinds { importKinds { kind columns { name required description } } }');
      const found = data.importKinds.find((k) => k.kind === kind);
      if (!found)
        throw new ImportRefusedError(
          `unknown kind ${kind}; known: ${data.importKinds.map((k) => k.kind).join(', ')}`,
        );
      return found.columns;
    },
    async defaultSourceSystem() {
      const data = await request<{ me: { sourceSystem: string | null } }>(
        'query Me { me { sourceSystem } }',
      );
      return data.me.sourceSystem;
    },
    async importBatch({ kind, sourceSystem, rows, dryRun }) {
      const data = await request<{ importRecords: BatchAnswer }>(IMPORT_MUTATION, {
        kind,
        source: sourceSystem,
        rows,
        dry: dryRun,
      });
      return data.importRecords;
    },
  };
}
