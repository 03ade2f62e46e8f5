/**
 * `npm run preview`: builds the add-in (webpack, development mode: a few seconds) and serves dist/
 * over plain HTTP so the task pane can be tried in any browser, without Excel and without
 * certificates. PORT overrides the port (default 3100); PREVIEW_MODE=production builds minified.
 */
import { resolve } from 'node:path';
import webpack, { type Configuration, type Stats } from 'webpack';
import { serve } from './serve';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../webpack.config.js') as (env: Record<string, unknown>, argv: { mode: 'development' | 'production' }) => Promise<Configuration>;

const ROOT = resolve(__dirname, '..');
const DEFAULT_PORT = 3100;

function build(config: Configuration): Promise<Stats> {
  return new Promise((resolveBuild, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats) return reject(new Error('webpack returned no stats'));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, colors: false })));
      resolveBuild(stats);
    });
  });
}

async function main(): Promise<void> {
  const mode = process.env.PREVIEW_MODE === 'production' ? 'production' : 'development';
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);

  console.log(`正在构建（webpack ${mode}）… / Building (webpack ${mode})…`);
  const started = Date.now();
  const config = await makeConfig({ WEBPACK_BUILD: true }, { mode });
  await build({ ...config, infrastructureLogging: { level: 'warn' } });
  console.log(`构建完成 / Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const server = await serve(resolve(ROOT, 'dist'), port);
  const url = `${server.origin}/preview.html`;
  console.log('');
  console.log(`预览地址（在浏览器中打开）：${url}`);
  console.log(`Preview (open in a browser): ${url}`);
  console.log('按 Ctrl+C 停止 / Press Ctrl+C to stop.');

  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
