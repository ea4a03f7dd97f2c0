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

/** A refusal that retrying cannot fix (bad token, wrong source system, unknown kind). */
export class ImportRefusedError extends Error {}

const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

const IMPORT_MUTATION = `mutation($kind: String!, $source: String!, $rows: [JSONObject!]!, $dry: Boolean) {
  importRecords(kind: $kind, sourceSystem: $source, rows: $rows, dryRun: $dry) {
    read inserted updated unchanged rejected results { index status reason field }
  }
}`;

/** A GraphQL client that retries what may pass on a retry (network, 5xx); batches are idempotent. */
export function createImportApi(url: string, token: string): ImportApi {
  async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      let response: Response | undefined;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
      } catch (error) {
        if (attempt >= RETRY_DELAYS_MS.length) throw error;
      }
      if (response && response.status < 500) {
        const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
        if (body.errors?.length)
          throw new ImportRefusedError(body.errors.map((e) => e.message).join('; '));
        return body.data as T;
      }
      if (attempt >= RETRY_DELAYS_MS.length)
        throw new Error(`service answered ${response?.status} after retries`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
    }
  }
  return {
    async columnsOf(kind) {
      const data = await request<{
        importKinds: {
          kind: string;
          columns: { name: string; required: boolean; description: string }[];
        }[];
      }>('{ importKinds { kind columns { name required description } } }');
      const found = data.importKinds.find((k) => k.kind === kind);
      if (!found)
        throw new ImportRefusedError(
          `unknown kind ${kind}; known: ${data.importKinds.map((k) => k.kind).join(', ')}`,
        );
      return found.columns;
    },
    async defaultSourceSystem() {
      const data = await request<{ me: { sourceSystem: string | null } }>(
        '{ me { sourceSystem } }',
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
