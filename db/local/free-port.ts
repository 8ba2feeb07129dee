import { createServer } from "node:net";

/**
 * Asks the kernel for an unused TCP port on 127.0.0.1. The port is released before it is
 * returned, so another process could grab it in between; good enough for local servers and tests
 * on machines where fixed ports are often taken.
 */
export function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("Could not determine a free port"))));
    });
  });
}
