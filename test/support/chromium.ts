/**
 * Debian's chromium as the UI tests and the bench launch it: no browser of playwright's own is ever
 * downloaded (only the npm registry and Debian's packages are reachable), and the flags keep a
 * headless run from reaching the network on its own.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
