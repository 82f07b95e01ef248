/**
 * Fault injection for storage tests: a DBCore middleware that, for the n-th write request
 * (1-based, counted across tables), fails it with an error, or simulates WebKit's "Connection to
 * Indexed Database server lost": the request fails (so the transaction aborts) and the connection
 * is force-closed. (fake-indexeddb's forceCloseDatabase alone lets running transactions finish.)
 * Register it before the database opens.
 */
import type { DBCore, Middleware } from 'dexie';
import { forceCloseDatabase } from 'fake-indexeddb';
import type { StapwijzerDb } from '../database';

export type Fault = { kind: 'throw'; error: unknown } | { kind: 'connection-lost' } | null;

const WEBKIT_LOST = 'Connection to Indexed Database server lost. Refresh the page to try again';

export function injectFaults(
  db: StapwijzerDb,
  faultFor: (writeNumber: number, table: string) => Fault,
): { writes: () => number } {
  let writes = 0;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'test-chaos',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            writes += 1;
            const fault = faultFor(writes, name);
            if (fault?.kind === 'throw') return Promise.reject(fault.error);
            if (fault?.kind === 'connection-lost') {
              // fake-indexeddb types its parameter as the IDBDatabase constructor; it takes a connection.
              forceCloseDatabase(db.backendDB() as unknown as Parameters<typeof forceCloseDatabase>[0]);
              return Promise.reject(new DOMException(WEBKIT_LOST, 'UnknownError'));
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
  db.use(middleware);
  return { writes: () => writes };
}
