import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

// README promises Node.js 20.19 or later: every installed package (dev tools included) must accept
// it, or `npm ci` prints EBADENGINE warnings a newcomer cannot tell from real problems.
const ROOT = path.join(__dirname, '..');
const DOCUMENTED_NODE = '20.19.0';

type LockPackage = { version?: string; engines?: { node?: string } | string[] };

describe('Node engines', () => {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockPackage>;
  };
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    engines: { node: string };
  };

  it('the project declares the documented Node version', () => {
    expect(semver.minVersion(manifest.engines.node)?.version).toBe(DOCUMENTED_NODE);
  });

  it('every locked package accepts it', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([name]) => name !== '')
      .flatMap(([name, pkg]) => {
        const range = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
        return range && !semver.satisfies(DOCUMENTED_NODE, range, { includePrerelease: true })
          ? [`${name}@${pkg.version} wants node ${range}`]
          : [];
      });
    expect(refusing).toEqual([]);
  });
});
