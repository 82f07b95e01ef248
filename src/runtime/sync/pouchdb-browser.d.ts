// The part of PouchDB 9's API the sync engine uses, typed here (the community @types lag at 6.x).
declare module 'pouchdb-browser' {
  export interface PouchDoc {
    _id: string;
    _rev: string;
    _deleted?: boolean;
    _conflicts?: string[];
    _revisions?: { start: number; ids: string[] };
    [field: string]: unknown;
  }
  export interface ChangesResult {
    results: { id: string; seq: number | string; doc?: PouchDoc; deleted?: boolean; changes: { rev: string }[] }[];
    last_seq: number | string;
  }
  export interface EventSource {
    on(event: string, listener: (...args: never[]) => void): this;
    cancel(): void;
  }
  export interface SyncInfo {
    direction: 'push' | 'pull';
    change: { docs_read: number; docs_written: number; last_seq?: number | string; pending?: number };
  }
  export interface PouchError {
    status?: number;
    name?: string;
    message?: string;
  }
  export interface Options {
    adapter?: string;
    skip_setup?: boolean;
    auth?: { username: string; password: string };
    revs_limit?: number;
    auto_compaction?: boolean;
  }
  export default class PouchDB {
    constructor(name: string, options?: Options);
    get(id: string, options?: { rev?: string; revs?: boolean; conflicts?: boolean }): Promise<PouchDoc>;
    put(doc: { _id: string; _rev?: string }): Promise<{ ok: boolean; id: string; rev: string }>;
    bulkDocs(
      docs: { _id: string; _rev?: string }[],
      options?: { new_edits?: boolean },
    ): Promise<({ ok?: boolean; id?: string; rev?: string; error?: string } | PouchError)[]>;
    changes(options: {
      since?: number | string;
      limit?: number;
      include_docs?: boolean;
      conflicts?: boolean;
      live: true;
      return_docs?: boolean;
    }): EventSource;
    changes(options: {
      since?: number | string;
      limit?: number;
      include_docs?: boolean;
      conflicts?: boolean;
      live?: false;
      return_docs?: boolean;
    }): Promise<ChangesResult>;
    sync(
      remote: PouchDB,
      options: {
        live: boolean;
        retry: boolean;
        batch_size?: number;
        heartbeat?: number;
        back_off_function?: (delay: number) => number;
      },
    ): EventSource & { push: EventSource; pull: EventSource };
    allDocs(options: {
      include_docs: true;
      startkey: string;
      endkey: string;
    }): Promise<{ rows: { id: string; doc?: PouchDoc }[] }>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    /** Drops the bodies of non-leaf revisions (a deleted envelope's old ciphertext). */
    compact(): Promise<unknown>;
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
}
