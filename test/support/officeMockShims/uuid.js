// CommonJS stand-in for the ESM-only uuid (office-addin-manifest only calls v4 when writing manifests).
'use strict';
const { randomUUID } = require('node:crypto');
module.exports = { v4: () => randomUUID() };
