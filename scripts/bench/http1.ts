/**
 * The benchmark's load generator: one kept-alive HTTP/1.1 connection per simulated phone, one
 * request at a time on it, as a browser tab does. Written on node:net because node:http's client
 * costs the generator ~18 % of a core at a storm's rate, CPU the local cloud under test (on the
 * same 2-core machine) would otherwise get. It handles exactly what the local cloud's front door
 * sends back: a status line, headers and a Content-Length body.
 */
import net from 'node:net';

export interface Http1Response {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');

export class Http1Connection {
  private socket: net.Socket | null = null;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: Http1Response) => void; reject: (e: Error) => void } | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  static forUrl(baseUrl: string): Http1Connection {
    const url = new URL(baseUrl);
    return new Http1Connection(url.hostname, Number(url.port));
  }

  private connect(): net.Socket {
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const fail = (err: Error) => {
      this.socket = null;
      this.buffered = Buffer.alloc(0);
      const w = this.waiting;
      this.waiting = null;
      w?.reject(err);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
    this.socket = socket;
    return socket;
  }

  /** POST a JSON body; resolves with the whole response. One request at a time per connection. */
  post(path: string, body: string, headers: Record<string, string> = {}): Promise<Http1Response> {
    if (this.waiting) return Promise.reject(new Error('one request at a time per connection'));
    const socket = this.socket ?? this.connect();
    const lines = [
      `POST ${path} HTTP/1.1`,
      `Host: ${this.host}:${this.port}`,
      'Connection: keep-alive',
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
    ];
    for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
    });
  }

  private onData(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const end = this.buffered.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.buffered.subarray(0, end).toString('latin1').split('\r\n');
    const status = Number(head[0].split(' ')[1]);
    const headers: Record<string, string> = {};
    for (const line of head.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length']);
    if (!Number.isFinite(length)) {
      this.socket?.destroy(new Error('response without Content-Length'));
      return;
    }
    const total = end + HEADER_END.length + length;
    if (this.buffered.length < total) return;
    const body = this.buffered.subarray(end + HEADER_END.length, total).toString('utf8');
    this.buffered = this.buffered.subarray(total);
    const w = this.waiting;
    this.waiting = null;
    w?.resolve({ status, headers, body });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }
}
