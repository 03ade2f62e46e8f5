#!/usr/bin/env node
/**
 * `npm start`, `npm run start:web` and `npm stop`: Microsoft's sideloading tool, fetched on demand.
 *
 * office-addin-debugging is not a devDependency on purpose. It pulls in ~400 packages, among them
 * keytar, a native keyring module whose prebuilt binary comes from outside the npm registry; on a
 * machine without it (and without libsecret's -dev package) node-gyp fails and takes the whole
 * `npm install` down. Only sideloading needs the tool, so it is installed by npx at a pinned
 * version the first time one of these commands runs, and cached by npm after that.
 *
 * npm_config_legacy_peer_deps keeps npx from installing peer dependencies: the only one is
 * @microsoft/m365agentstoolkit-cli (the keytar chain), which office-addin-dev-settings uses for
 * JSON (unified) manifests only, by running its own npx. Our manifest is XML. office-addin-dev-settings
 * requires semver without declaring it (it arrives through that peer), so semver is named here.
 */
/* global process, console */
import { spawnSync } from 'node:child_process';

export const SIDELOAD_PACKAGES = ['office-addin-debugging@7.0.0', 'semver@7.7.3'];

export function sideloadCommand(args) {
  const packages = SIDELOAD_PACKAGES.flatMap((name) => ['-p', name]);
  return {
    command: process.platform === 'win32' ? 'npx.cmd' : 'npx',
    args: ['--yes', ...packages, '--', 'office-addin-debugging', ...args],
    env: { ...process.env, npm_config_legacy_peer_deps: 'true' },
  };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('sideload.mjs')) {
  const { command, args, env } = sideloadCommand(process.argv.slice(2));
  const result = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (result.error) {
    console.error(`无法运行 npx：${result.error.message} / Could not run npx: ${result.error.message}`);
    process.exit(1);
  }
  process.exit(result.status ?? 1);
}
