// The GraphQL API and the CSV export, with the signed-in person's token in a header (never a URL).
const TOKEN_KEY = 'journey.token';

/** Raised when the token is missing, wrong or revoked: the session is over. */
export class SessionEnded extends Error {}

/** An API error other than authentication, with its GraphQL code (e.g. FORBIDDEN, NOT_FOUND). */
export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

// The token lives in this tab's session storage: gone on sign-out, tab close or revocation.
export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  start: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  end: () => sessionStorage.removeItem(TOKEN_KEY),
};

function authorization(token) {
  if (!token) throw new SessionEnded('not signed in');
  return { authorization: `Bearer ${token}` };
}

/** Runs one GraphQL operation; throws SessionEnded on UNAUTHENTICATED, ApiError on others. */
export async function graphql(query, variables = {}, token = session.token()) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization(token) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    if (code === 'UNAUTHENTICATED') throw new SessionEnded(error.message);
    throw new ApiError(error.message, code);
  }
  return body.data;
}

/** Downloads a CSV of the export endpoint as a file, carrying the token in the header. */
export async function downloadCsv(path, fileName) {
  const response = await fetch(path, { headers: authorization(session.token()) });
  if (response.status === 401) throw new SessionEnded('token rejected');
  if (!response.ok) throw new ApiError(`CSV export failed (${response.status})`, 'EXPORT');
  saveFile(await response.blob(), fileName);
}

/** Offers a blob as a download (no server round trip, no token in any URL). */
export function saveFile(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
