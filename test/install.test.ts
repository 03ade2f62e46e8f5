/**
 * A newcomer's `npm install` must compile nothing and download nothing outside the npm registry.
 * Packages with install scripts are where that happens (node-gyp builds, prebuilt-binary downloads),
 * so the lock file may hold only the ones listed here, each with the reason it is harmless.
 * `scripts/check-fresh-install.sh` (run by .ci/run) proves the same by installing for real with a
 * failing pkg-config; this test names the culprit at once when a dependency change brings one back.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

interface LockEntry {
  version?: string;
  hasInstallScript?: boolean;
  dev?: boolean;
  resolved?: string;
}

/** Install scripts known to need neither a compiler nor a download from outside the registry. */
const HARMLESS_INSTALL_SCRIPTS: Record<string, string> = {
  // Its postinstall only checks the platform binary, which arrives as an optional npm package
  // (@esbuild/linux-x64 and siblings) from the registry itself.
  esbuild: 'binary from the @esbuild/<platform> registry package',
};

function lockPackages(): Record<string, LockEntry> {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  return lock.packages;
}

function packageName(lockKey: string): string {
  return lockKey.slice(lockKey.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

describe('npm install', () => {
  it('runs no install script except the harmless ones', () => {
    const withScripts = Object.entries(lockPackages())
      .filter(([key, entry]) => key !== '' && entry.hasInstallScript)
      .map(([key]) => packageName(key));
    expect(withScripts.filter((name) => !(name in HARMLESS_INSTALL_SCRIPTS))).toEqual([]);
  });

  it('takes every package by name and version from the configured registry (no git or tarball sources)', () => {
    // The lock records a `resolved` URL only for packages that do not come from the registry by
    // name (git, tarball, file); their `version` is then that URL rather than a semver version.
    const elsewhere = Object.entries(lockPackages())
      .filter(([key]) => key !== '')
      .filter(([, entry]) => entry.resolved !== undefined || !/^\d+\.\d+\.\d+/.test(entry.version ?? ''))
      .map(([key, entry]) => `${packageName(key)} ← ${entry.resolved ?? entry.version}`);
    expect(elsewhere).toEqual([]);
  });

  it('does not install the sideloading tool chain (keytar, the M365 toolkit)', () => {
    const names = new Set(Object.keys(lockPackages()).map(packageName));
    for (const name of ['office-addin-debugging', 'keytar', '@microsoft/m365agentstoolkit-cli']) {
      expect(names.has(name)).toBe(false);
    }
  });
});

describe('npm start / npm stop', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

  it('go through scripts/sideload.mjs', () => {
    expect(pkg.scripts.start).toBe('node scripts/sideload.mjs start manifest.xml');
    expect(pkg.scripts['start:web']).toBe('node scripts/sideload.mjs start manifest.xml web');
    expect(pkg.scripts.stop).toBe('node scripts/sideload.mjs stop manifest.xml');
  });

  it('fetch a pinned office-addin-debugging with npx, without peer dependencies', () => {
    const printed = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('./scripts/sideload.mjs'); const c = m.sideloadCommand(['start', 'manifest.xml', 'web']);" +
          'console.log(JSON.stringify({ args: c.args, legacy: c.env.npm_config_legacy_peer_deps }));',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const { args, legacy } = JSON.parse(printed) as { args: string[]; legacy: string };
    expect(legacy).toBe('true');
    expect(args).toEqual(['--yes', '-p', 'office-addin-debugging@7.0.0', '-p', 'semver@7.7.3', '--', 'office-addin-debugging', 'start', 'manifest.xml', 'web']);
  });
});
