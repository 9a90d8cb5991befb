import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { startDownload } from './provider-download';

/** A provider's file server on 127.0.0.1, answering as `handle` says. */
async function fileServer(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ url: string; server: Server; closed: Promise<void> }> {
  let socketClosed!: () => void;
  const closed = new Promise<void>((resolve) => { socketClosed = resolve; });
  const server = createServer((request, response) => {
    request.socket.on('close', socketClosed);
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/file/bot123:SECRET/photo.jpg`, server, closed };
}

describe('startDownload', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('gives up on a provider that does not answer, says so, and lets go of the socket', async () => {
    const provider = await fileServer(() => undefined);
    servers.push(provider.server);
    const started = Date.now();
    await expect(startDownload(provider.url, undefined, 200)).rejects.toThrow('the provider did not answer within 0.2 s');
    expect(Date.now() - started).toBeLessThan(2_000);
    await provider.closed;
  });

  it('streams a body that takes longer than the answer timeout, whole, with the headers it was given', async () => {
    let authorization: string | undefined;
    const provider = await fileServer((request, response) => {
      authorization = request.headers.authorization;
      response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': '10' });
      response.write('01234');
      setTimeout(() => response.end('56789'), 400);
    });
    servers.push(provider.server);
    const download = await startDownload(provider.url, { authorization: 'Bearer token' }, 200);
    expect(download).toMatchObject({ contentType: 'image/jpeg', sizeBytes: 10 });
    expect(await text(download.body)).toBe('0123456789');
    expect(authorization).toBe('Bearer token');
  });

  it('fails on an error status, and on a refused connection with the cause, never with the URL', async () => {
    const provider = await fileServer((_request, response) => response.writeHead(404).end('gone'));
    servers.push(provider.server);
    await expect(startDownload(provider.url, undefined, 1_000)).rejects.toThrow('the download answered 404');

    // A port nothing listens on any more.
    const gone = await fileServer(() => undefined);
    await new Promise((resolve) => gone.server.close(resolve));
    const refused = await startDownload(gone.url, undefined, 1_000).catch((error: Error) => error);
    expect((refused as Error).message).toBe('the download failed: ECONNREFUSED');
    expect((refused as Error).message).not.toContain('SECRET');
  });
});
