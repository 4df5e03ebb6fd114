import * as fs from 'fs';
import * as path from 'path';
import { PROGRAM } from '../../src/app/version';

test('the run log records the version of package.json', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { name: string; version: string };
  expect(PROGRAM).toEqual({ name: pkg.name, version: pkg.version });
});
