import type { Server } from 'node:http';

/**
 * Counts the HTTP requests a server is answering, so that shutdown can stop accepting, let the turns in
 * flight finish, and only then cut the connections that are left.
 */
export class InFlightRequests {
  private active = 0;
  private draining = false;
  private waiters: Array<() => void> = [];

  track(server: Server): void {
    server.on('request', (_req, res) => {
      this.active += 1;
      // Keep-alive clients learn to open a new connection (to another instance) for their next request.
      if (this.draining && !res.headersSent) res.setHeader('connection', 'close');
      res.once('close', () => {
        this.active -= 1;
        if (this.active === 0) this.wake();
      });
    });
  }

  get count(): number {
    return this.active;
  }

  /** Resolves true once no request is in flight, false when `timeoutMs` passed first. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.draining = true;
    if (this.active === 0) return true;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(this.active === 0), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
