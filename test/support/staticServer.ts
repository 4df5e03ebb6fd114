/** A static file server on a free loopback port, for the browser tests and the bench (dist/ plus in-memory files). */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.map': 'application/json',
};

/** Serves `dir` (default page preview.html) and `extra` (path -> bytes) on 127.0.0.1 at a free port. */
export function serveStatic(dir: string, extra: Record<string, Buffer> = {}): Promise<http.Server> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '') || 'preview.html';
    const type = (p: string) => CONTENT_TYPES[path.extname(p)] ?? 'application/octet-stream';
    if (extra[rel]) {
      res.writeHead(200, { 'content-type': type(rel) });
      res.end(extra[rel]);
      return;
    }
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': type(file) });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
