// CommonJS stand-in for the ESM-only strip-bom (office-addin-mock -> office-addin-manifest under jest).
'use strict';
function stripBom(string) {
  if (typeof string !== 'string') throw new TypeError(`Expected a string, got ${typeof string}`);
  return string.charCodeAt(0) === 0xfeff ? string.slice(1) : string;
}
module.exports = stripBom;
module.exports.default = stripBom;
