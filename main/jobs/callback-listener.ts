// The desktop app's callback listener: a small HTTP server on 127.0.0.1 that answers only the
// callback route (serve mode has the route on its own host instead). A tunnel (the "Public
// callback URL" setting) forwards the provider's POSTs here; nothing else is served.
import { createServer, type Server } from 'node:http';
import type { Core } from '../core.js';
import { CALLBACK_ROUTE, handleCallbackRequest } from './callbacks.js';

export interface CallbackListener {
  url: string;
  close(): Promise<void>;
}

export function startCallbackListener(core: Core, wantPort = 0): Promise<CallbackListener> {
  let port = 0;
  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!pathname.startsWith(CALLBACK_ROUTE)) return void res.writeHead(404).end();
    // handleCallbackRequest answers every error itself and never rejects.
    void handleCallbackRequest(req, res, pathname, {
      db: core.db,
      localHosts: [`127.0.0.1:${port}`, `localhost:${port}`],
      onCallback: (uid, secret) => core.jobs.callback(uid, secret),
      log: core.log,
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(wantPort, '127.0.0.1', () => {
      server.off('error', reject);
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : wantPort;
      // Loopback only: the tunnel client runs on this machine; the LAN never reaches it.
      const url = `http://127.0.0.1:${port}`;
      core.callbackLocalUrl = url;
      resolve({
        url,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}
