/** Server-sent events: open streams per audience, capped, each told "something changed" so its page fetches afresh. */
import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './http-rules.ts';

/** Who listens: a trainee (by session id) or an instructor. */
export interface Listener {
  readonly res: ServerResponse;
  readonly trainee?: string;
}

/**
 * Holds the open event streams. An event carries no answer, only its name and a counter: the page fetches its
 * view, so what a trainee may see is decided in one place (the trainee view), never in the stream.
 *
 * @example
 * hub.open(res, { trainee: session }); hub.notify((l) => l.trainee === session, 'reveal');
 */
export class SseHub {
  private readonly listeners = new Set<Listener>();
  private counter = 0;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    /** Most streams open at once; one more is refused with 503. */
    readonly max: number,
    heartbeatMs = 25_000,
  ) {
    // A comment line now and then keeps proxies and idle timeouts from closing a quiet stream.
    this.heartbeat = setInterval(() => this.write(() => true, ': keep-alive\n\n'), heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.listeners.size;
  }

  /** Starts a stream on `res`; false (nothing written) when the cap is reached. */
  open(res: ServerResponse, who: { trainee?: string } = {}): boolean {
    if (this.listeners.size >= this.max) return false;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    // A lost stream is reopened by EventSource after `retry` ms.
    res.write('retry: 1000\n\nevent: hello\ndata: 0\n\n');
    const listener: Listener = { res, ...(who.trainee === undefined ? {} : { trainee: who.trainee }) };
    this.listeners.add(listener);
    res.on('close', () => this.listeners.delete(listener));
    return true;
  }

  /** Sends event `name` to every listener `to` selects. */
  notify(to: (listener: Listener) => boolean, name: string): void {
    this.counter++;
    this.write(to, `event: ${name}\ndata: ${this.counter}\n\n`);
  }

  /** Ends every stream (the server is closing). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const listener of this.listeners) listener.res.end();
    this.listeners.clear();
  }

  private write(to: (listener: Listener) => boolean, text: string): void {
    for (const listener of this.listeners) if (to(listener) && !listener.res.writableEnded) listener.res.write(text);
  }
}
