import mongoose from 'mongoose';

/** How long the service waits on the database before answering SERVICE_UNAVAILABLE. */
export type DatabaseTimeouts = {
  /** Finding a reachable server (down, restarting, failing over); also mongoose's buffering. */
  serverSelectionTimeoutMs: number;
  /** Any one operation, from start to answer (a frozen server); 0 = unbounded (batch scripts). */
  operationTimeoutMs: number;
};

const DEFAULT_TIMEOUTS: DatabaseTimeouts = {
  serverSelectionTimeoutMs: 5000,
  operationTimeoutMs: 0,
};

/** Connects mongoose to the resolved database and builds the declared indexes. */
export async function connectDatabase(
  uri: string,
  options: { dbName?: string; monitorCommands?: boolean; timeouts?: DatabaseTimeouts } = {},
): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  // Operations issued while disconnected wait no longer than a server selection would.
  mongoose.set('bufferTimeoutMS', (options.timeouts ?? DEFAULT_TIMEOUTS).serverSelectionTimeoutMs);
  const { timeouts = DEFAULT_TIMEOUTS, ...rest } = options;
  // autoIndex off: indexes are built once, explicitly, so a start never races them.
  await mongoose.connect(uri, {
    ...rest,
    autoIndex: false,
    serverSelectionTimeoutMS: timeouts.serverSelectionTimeoutMs,
    // Not `timeoutMS`: the driver mongoose 9 ships (7.8) accepts it but ignores it, so a frozen
    // server hung requests. A socket that stays silent this long is closed: a network timeout.
    ...(timeouts.operationTimeoutMs > 0 ? { socketTimeoutMS: timeouts.operationTimeoutMs } : {}),
  });
  await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()));
  return mongoose;
}

/** True when the database answers a ping within the time limit. */
export async function pingDatabase(timeoutMs = 1000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = db
    .admin()
    .command({ ping: 1 })
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes the connection pool. */
export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
