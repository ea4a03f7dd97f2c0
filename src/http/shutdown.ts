import type { Server } from 'node:http';

/**
 * Stops accepting connections and waits for in-flight requests; idle keep-alive sockets are
 * closed at once, and whatever is still open after the grace period is cut.
 */
export function closeHttpServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close((error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
