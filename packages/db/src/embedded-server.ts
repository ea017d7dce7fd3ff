import { createServer, type Server, type Socket } from 'node:net';
import { mkdirSync } from 'node:fs';
// Types only: PGlite is loaded (as the ES module it is) when an embedded database starts, so that
// the services, which import this package for their data sources, do not carry its code.
import type { PGlite } from '@electric-sql/pglite' with { 'resolution-mode': 'import' };
import type { PGLiteSocketHandler } from '@electric-sql/pglite-socket' with { 'resolution-mode': 'import' };

type QueueItem = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

const SIMPLE_QUERY = 0x51; // 'Q'
const SYNC = 0x53; // 'S'
const PARSE = 0x50; // 'P'
/**
 * Messages of an extended-protocol batch whose answers PostgreSQL itself holds back until the
 * Sync (or Flush) that ends the batch: Parse, Bind, Describe, Execute, Close.
 */
const HELD_UNTIL_SYNC = new Set([0x50, 0x42, 0x44, 0x45, 0x43]);
/** Answers held back beyond this many bytes are sent at once (a large result is not kept whole). */
const HOLD_LIMIT_BYTES = 256 * 1024;

/**
 * Schedules the wire messages of many client connections onto the one PGlite session.
 *
 * PGlite has a single backend session, so a connection must keep it from its first message
 * until the backend is idle again: through a whole extended-protocol batch (Parse … Sync) and a
 * whole transaction (BEGIN … COMMIT). pglite-socket's own queue releases the session between
 * the messages of a batch, where another connection's unnamed statement could slip in; this one
 * hands it over only when a Sync or simple Query has finished outside a transaction. The result
 * is that transactions run one after another: serializable by construction.
 */
class SessionScheduler {
  private queue: QueueItem[] = [];
  private owner: number | null = null;
  private running = false;
  /**
   * Answers held back per connection until its batch ends, as PostgreSQL does. pglite-socket
   * writes each message's answer to the socket at once: five writes (system calls, and as many
   * reads in the client) per statement instead of one.
   */
  private held = new Map<number, { chunks: Uint8Array[]; bytes: number }>();
  /**
   * The named statements each connection prepared. PostgreSQL drops a session's statements when
   * it ends; here every connection shares the one session, so a closed connection's statements
   * are dropped for it (its names are its own: `PreparingClient` in prepared.ts).
   */
  private statements = new Map<number, Set<string>>();
  private toDeallocate: string[] = [];

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    if (message[0] === PARSE) this.notePrepared(handlerId, message);
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        if (this.owner === null && this.toDeallocate.length) await this.deallocate(this.toDeallocate.splice(0));
        const index = this.owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === this.owner);
        if (index < 0 || this.queue.length === 0) break;
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        const held = this.held.get(item.handlerId) ?? { chunks: [], bytes: 0 };
        try {
          await this.db.execProtocolRawStream(item.message, {
            onRawData: (chunk: Uint8Array) => {
              bytes += chunk.length;
              // Copied: PGlite reuses the memory behind the chunk for its next answer.
              held.chunks.push(chunk.slice());
              held.bytes += chunk.length;
            },
          });
        } catch (error) {
          this.held.delete(item.handlerId);
          item.reject(error);
          continue;
        }
        if (HELD_UNTIL_SYNC.has(item.message[0]) && held.bytes < HOLD_LIMIT_BYTES) {
          this.held.set(item.handlerId, held);
        } else {
          this.held.delete(item.handlerId);
          if (held.bytes > 0) item.onData(held.chunks.length === 1 ? held.chunks[0] : Buffer.concat(held.chunks, held.bytes));
        }
        this.owner = this.holdsSession(item.message) ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      this.running = false;
    }
  }

  /** Whether the connection that sent `message` must keep the session for its next message. */
  private holdsSession(message: Uint8Array): boolean {
    if (this.db.isInTransaction()) return true;
    const type = message[0];
    const isStartup = message.length >= 8 && new DataView(message.buffer, message.byteOffset).getInt32(4) === 196608;
    return !(isStartup || type === SIMPLE_QUERY || type === SYNC);
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.held.delete(handlerId);
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error('connection closed'));
      return false;
    });
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    // Called when a connection closes (pglite-socket's detach): its statements go with it.
    const names = this.statements.get(handlerId);
    this.statements.delete(handlerId);
    if (names?.size) this.toDeallocate.push(...names);
    if (this.owner === handlerId) {
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
      this.owner = null;
    }
    void this.pump();
  }

  /** Records the name of a Parse message (type, length, then the statement's name, NUL-terminated). */
  private notePrepared(handlerId: number, message: Uint8Array): void {
    const end = message.indexOf(0, 5);
    if (end <= 5) return; // the unnamed statement
    const name = Buffer.from(message.buffer, message.byteOffset + 5, end - 5).toString('utf8');
    let names = this.statements.get(handlerId);
    if (!names) this.statements.set(handlerId, (names = new Set()));
    names.add(name);
  }

  /** Drops statements one by one: one the client let go itself is gone already, which is no error. */
  private async deallocate(names: string[]): Promise<void> {
    for (const name of names) await this.db.exec(`DEALLOCATE "${name.replaceAll('"', '""')}"`).catch(() => undefined);
  }
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  db: PGlite;
  stop(): Promise<void>;
}

/**
 * Starts PGlite and serves it over the PostgreSQL wire protocol on a loopback port, so that the
 * services connect with `pg` exactly as they would to a real server.
 * `dataDir` keeps the data across restarts; without it the database lives in memory (tests).
 */
export async function startEmbeddedPostgres(options: {
  dataDir?: string; port?: number; host?: string;
  /**
   * PostgreSQL's buffer cache inside PGlite's memory (default 16MB). PGlite's memory is resident
   * from the start and never shrinks; the data files stay in the OS page cache anyway. On the
   * volume data 16MB against PostgreSQL's 128MB saved about 110 MB with no loss the benchmark
   * could measure.
   */
  sharedBuffers?: string;
} = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const [{ PGlite }, { pg_trgm }, { PGLiteSocketHandler }] = await Promise.all([
    import('@electric-sql/pglite'), import('@electric-sql/pglite/contrib/pg_trgm'), import('@electric-sql/pglite-socket'),
  ]);
  // The contrib extensions the services' migrations create (as a PostgreSQL server ships them).
  const db = await PGlite.create(options.dataDir ?? 'memory://', {
    extensions: { pg_trgm },
    postgresqlconf: [`shared_buffers = ${options.sharedBuffers ?? '16MB'}`],
  });
  const scheduler = new SessionScheduler(db);
  const handlers = new Set<PGLiteSocketHandler>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const handler = new PGLiteSocketHandler({
      // The handler only calls the queue's public methods, which the scheduler provides.
      queryQueue: scheduler as unknown as ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'],
      closeOnDetach: true,
    });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    handler.attach(socket).catch(() => socket.destroy());
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    port,
    db,
    async stop() {
      for (const handler of handlers) await handler.detach(true);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
