/**
 * A small static file server for dist/ (node's http module only), shared by `npm run preview`
 * and the browser test. Local only: it listens on 127.0.0.1 (and ::1 when available).
 */
import { createReadStream, promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, normalize, resolve, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface RunningServer {
  /** The port actually bound (useful with port 0). */
  port: number;
  /** `http://localhost:<port>` */
  origin: string;
  close(): Promise<void>;
}

/** Maps a request path to a file under `root`, or null when it would escape `root`. */
export function resolveRequestPath(root: string, urlPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(urlPath, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.endsWith('/')) pathname += 'preview.html';
  const file = resolve(root, '.' + normalize(pathname));
  return file === root || file.startsWith(root + sep) ? file : null;
}

async function handle(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = resolveRequestPath(root, request.url ?? '/');
  const stat = file ? await fs.stat(file).catch(() => null) : null;
  if (!file || !stat || !stat.isFile()) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found');
    return;
  }
  response.writeHead(200, {
    'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
}

/** Serves the files under `dir` on localhost:`port` (0 picks a free port). */
export async function serve(dir: string, port: number): Promise<RunningServer> {
  const root = resolve(dir);
  const makeServer = () =>
    createServer((request, response) => {
      handle(root, request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end(String(error));
      });
    });

  const servers: Server[] = [];
  const ipv4 = makeServer();
  await listen(ipv4, port, '127.0.0.1');
  servers.push(ipv4);
  const bound = (ipv4.address() as AddressInfo).port;
  // `localhost` may resolve to ::1 first; answer there too when the machine has IPv6.
  const ipv6 = makeServer();
  try {
    await listen(ipv6, bound, '::1');
    servers.push(ipv6);
  } catch {
    // No IPv6 loopback (or the port is taken there): IPv4 alone is enough.
  }

  return {
    port: bound,
    origin: `http://localhost:${bound}`,
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolveClose) => {
              server.closeAllConnections();
              server.close(() => resolveClose());
            }),
        ),
      ).then(() => undefined),
  };
}
