/**
 * Three pages: taskpane.html (the add-in), commands.html (ribbon function file) and preview.html
 * (the task pane in a plain browser, beside a sample ledger). office.js comes from Microsoft's
 * CDN by <script> tag in taskpane.html and commands.html and is never bundled.
 *
 * HTTPS certificates (office-addin-dev-certs) are read only under `webpack serve`; a plain
 * `webpack --mode production` never touches them.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const DEV_SERVER_PORT = 3000;

/** One HtmlWebpackPlugin per page: output file name → template and entry. Read by test/manifest.test.ts. */
const PAGES = [
  { filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunk: 'taskpane' },
  { filename: 'commands.html', template: './src/commands/commands.html', chunk: 'commands' },
  { filename: 'preview.html', template: './src/preview/preview.html', chunk: 'preview' },
];

async function httpsServerOptions() {
  // Required lazily: only `webpack serve` needs certificates.
  const devCerts = require('office-addin-dev-certs');
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    // Trusting the CA needs sudo. Without it the generated certificates still serve HTTPS; the
    // browser or Office will not trust them until the CA is trusted by hand.
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
    if (!Object.values(files).every((file) => fs.existsSync(path.join(dir, file)))) throw error;
    console.warn(`[dev-certs] ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    console.warn(`[dev-certs] Serving with the untrusted certificates in ${dir}; trust ca.crt to sideload.`);
    return Object.fromEntries(Object.entries(files).map(([key, file]) => [key, fs.readFileSync(path.join(dir, file))]));
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);

  /** @type {import('webpack').Configuration} */
  const config = {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    context: __dirname,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // ES modules for webpack's tree shaking; type checking is `npm run typecheck`.
              compilerOptions: { module: 'es2020', sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: production
        ? {
            chunks: 'all',
            cacheGroups: {
              vendor: {
                test: /[\\/]node_modules[\\/]/,
                name: 'vendor',
                // libraries only a lazily loaded chunk uses (docx, for the 公文) stay in that chunk
                chunks: 'initial',
                priority: 10,
              },
            },
          }
        : false,
    },
    // Fluent UI makes the vendor bundle large; it is served from the intranet or localhost.
    performance: { hints: false },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest*.xml', to: '[name][ext]' },
        ],
      }),
      ...PAGES.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: page.filename,
            template: page.template,
            chunks: [page.chunk],
          }),
      ),
    ],
  };

  if (serving) {
    config.devServer = {
      port: DEV_SERVER_PORT,
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await httpsServerOptions() },
    };
  }
  return config;
};

module.exports.PAGES = PAGES;
