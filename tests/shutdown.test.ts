import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeHttpServer } from '../src/http/shutdown';

describe('closeHttpServer', () => {
  it('stops accepting but lets a slow in-flight request finish', async () => {
    const server = createServer((_req, res) => {
      setTimeout(() => res.end('done'), 300);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const slow = fetch(url).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = closeHttpServer(server, 5000);

    await expect(fetch(url)).rejects.toThrow();
    expect(await slow).toBe('done');
    await closed;
  });

  it('cuts requests still open after the grace period', async () => {
    const server = createServer(() => {
      // never answers
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const hanging = fetch(url).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await closeHttpServer(server, 200);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await hanging).toBe('cut');
  });
});
