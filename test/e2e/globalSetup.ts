import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds dist/ once for all browser tests with the production build (`npm run build`).
 * E2E_REUSE_DIST=1 skips the build when dist/preview.html already exists.
 */
export default function globalSetup(): void {
  const root = join(__dirname, '..', '..');
  if (process.env.E2E_REUSE_DIST === '1' && existsSync(join(root, 'dist', 'preview.html'))) return;
  const webpackCli = join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  execFileSync(process.execPath, [webpackCli, '--mode', 'production'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
