import mongoose from 'mongoose';

/** Connects mongoose to the resolved database and builds the declared indexes. */
export async function connectDatabase(
  uri: string,
  options: { dbName?: string; monitorCommands?: boolean } = {},
): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  // autoIndex off: indexes are built once, explicitly, so a start never races them.
  await mongoose.connect(uri, { ...options, serverSelectionTimeoutMS: 5000, autoIndex: false });
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
    .command({ ping: 1 }, { timeoutMS: timeoutMs })
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
