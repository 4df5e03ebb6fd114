/**
 * Writes the manifest for a deployment: every https://localhost:3000/ becomes the production base URL.
 * Used by webpack.config.js (production build) and runnable alone:
 *   node scripts/build-manifest.js https://addin.example.fi/tym/ [out=dist/manifest.xml]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const DEV_BASE = 'https://localhost:3000/';

/** The manifest text with the dev base URL replaced; the base must be https and end up with one "/". */
function rewriteManifest(xml, baseUrl) {
  if (!baseUrl) return xml;
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  if (!/^https:\/\/[^\s"<>]+\/$/.test(base)) throw new Error(`ADDIN_BASE_URL must be an https URL, got "${baseUrl}"`);
  const origin = new URL(base).origin;
  return xml
    .split(DEV_BASE)
    .join(base)
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`);
}

module.exports = { rewriteManifest, DEV_BASE };

if (require.main === module) {
  const [base, out = path.join(__dirname, '..', 'dist', 'manifest.xml')] = process.argv.slice(2);
  const xml = fs.readFileSync(path.join(__dirname, '..', 'manifest.xml'), 'utf8');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, rewriteManifest(xml, base || process.env.ADDIN_BASE_URL));
  console.log(`manifest written to ${out}`);
}
