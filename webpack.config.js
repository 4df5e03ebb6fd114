/**
 * Builds the task pane (runs inside Excel, office.js only) and the browser preview (the same pane
 * against an .xlsx through exceljs) into dist/.
 *
 *   webpack --mode production            dist/ for deployment; ADDIN_BASE_URL=https://host/path/
 *                                        (or --env baseUrl=...) rewrites the manifest's URLs
 *   webpack serve --mode development     https://localhost:3000 with the Office dev certificates
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { rewriteManifest } = require('./scripts/build-manifest.js');

const DEV_PORT = 3000;
const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

/** https with the certificates `npx office-addin-dev-certs install` writes, else http with a warning. */
function devServerTransport() {
  const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(CERT_DIR, f)]));
  if (Object.values(paths).every((p) => fs.existsSync(p))) {
    return { type: 'https', options: Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)])) };
  }
  console.warn(
    `\n[webpack] No dev certificates in ${CERT_DIR}: serving plain http on port ${DEV_PORT}.\n` +
      '          Excel needs https: run `npx office-addin-dev-certs install` (then trust ca.crt) and restart.\n',
  );
  return { type: 'http' };
}

/**
 * Writes entrypoints.json: each entry's files including its lazily loaded chunks and workers (for the
 * network check), and entrypoint-parts.json: the same files by when they load (initial, worker, on
 * demand), for the size budget (scripts/check-bundle-size.js).
 */
class EntrypointFilesPlugin {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('EntrypointFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'EntrypointFilesPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const out = {};
          const parts = {};
          for (const [name, entry] of compilation.entrypoints) {
            const files = new Set(entry.getFiles());
            const chunks = new Set(entry.chunks);
            for (const chunk of entry.chunks)
              for (const lazy of chunk.getAllAsyncChunks()) {
                chunks.add(lazy);
                for (const f of lazy.files) files.add(f);
              }
            // Web Workers the entry starts (new Worker(new URL(...))) are loaded by it too.
            for (const chunk of chunks)
              for (const worker of chunk.getAllReferencedAsyncEntrypoints()) for (const f of worker.getFiles()) files.add(f);
            out[name] = [...files].filter((f) => /\.(js|css)$/.test(f)).sort();
            // What the page loads at once, what its workers load, and what only a later import() fetches.
            const code = (fs) => [...fs].filter((f) => /\.(js|css)$/.test(f)).sort();
            const initial = new Set(entry.getFiles());
            const worker = new Set();
            for (const chunk of chunks)
              for (const w of chunk.getAllReferencedAsyncEntrypoints()) for (const f of w.getFiles()) if (!initial.has(f)) worker.add(f);
            parts[name] = {
              initial: code(initial),
              worker: code(worker),
              onDemand: code([...files].filter((f) => !initial.has(f) && !worker.has(f))),
            };
          }
          compilation.emitAsset('entrypoints.json', new RawSource(JSON.stringify(out, null, 2)));
          compilation.emitAsset('entrypoint-parts.json', new RawSource(JSON.stringify(parts, null, 2)));
        },
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const baseUrl = env.baseUrl || process.env.ADDIN_BASE_URL || '';
  const root = __dirname;

  return {
    mode: production ? 'production' : 'development',
    // No eval-based source maps: the task pane's Content-Security-Policy forbids eval.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    context: root,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: path.join(root, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      // The command-line build (tsc) writes dist/node/; clean only what webpack itself emitted.
      clean: { keep: /^node(-bench)?[\\/]/ },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      alias: {
        // exceljs's main entry is for Node (fs, stream, zlib); its dist build carries its own polyfills.
        // Only the preview imports it; the task pane never does (scripts/check-bundle-size.js checks).
        exceljs$: path.join(root, 'node_modules/exceljs/dist/exceljs.min.js'),
      },
      // The package adapter's file methods (command line only) import these lazily; never in a browser.
      fallback: { fs: false, path: false, stream: false, zlib: false },
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
              configFile: path.join(root, 'tsconfig.json'),
              // ES modules let webpack drop the unused parts of Fluent UI.
              compilerOptions: { module: 'es2020', moduleResolution: 'node', sourceMap: true },
            },
          },
        },
      ],
      // The exceljs dist bundle is already built; parsing it again only costs time.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
    },
    plugins: [
      new EntrypointFilesPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        template: './src/preview/preview.html',
        chunks: ['preview'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (production && baseUrl ? rewriteManifest(content.toString(), baseUrl) : content),
          },
          // A local office.js for the preview and the browser tests (no CDN needed there);
          // inside Excel the task pane loads Microsoft's CDN copy, as the store requires.
          // (info.minimized: copied as is, not run through the minifier again.)
          { from: 'node_modules/@microsoft/office-js/dist/office.js', to: 'office-js/office.js', info: { minimized: true } },
          { from: 'node_modules/@microsoft/office-js/dist/office.debug.js', to: 'office-js/office.debug.js', info: { minimized: true } },
        ],
      }),
    ],
    performance: {
      // scripts/check-bundle-size.js enforces the real budget (350 KB gzipped for the task pane).
      hints: false,
    },
    devServer: {
      port: DEV_PORT,
      server: devServerTransport(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      // `npm run preview` puts the bundled sample workbook here (out/preview/sample.xlsx).
      static: [{ directory: path.join(root, 'out', 'preview'), publicPath: '/', watch: false }],
      client: { overlay: { warnings: false, errors: true } },
      devMiddleware: { writeToDisk: false },
    },
  };
};
