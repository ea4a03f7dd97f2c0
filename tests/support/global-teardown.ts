const holder = globalThis as { journeyTestDatabase?: { stop(): Promise<void> } };

export default async function globalTeardown(): Promise<void> {
  await holder.journeyTestDatabase?.stop();
}
