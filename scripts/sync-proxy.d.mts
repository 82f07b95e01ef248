import type { IncomingMessage, ServerResponse } from 'node:http';

export const SYNC_PREFIX: string;
export function freePort(): Promise<number>;
export interface PouchServer {
  url: string;
  port: number;
  pid: number | undefined;
  output(): string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}
export function startPouchServer(options?: { port?: number; dir?: string; bin?: string }): Promise<PouchServer>;
export function databaseOf(path: string): string | null;
export function refusal(
  security: {
    members?: { names?: string[]; roles?: string[] };
    admins?: { names?: string[]; roles?: string[] };
  } | null,
  userCtx: { name: string | null; roles: string[] } | null | undefined,
): 401 | 403 | null;
export function syncProxy(
  target: string | (() => string),
  options?: { membershipTtlMs?: number },
): (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;
export function syncProxyPlugin(): {
  name: string;
  configurePreviewServer(server: { middlewares: { use(fn: unknown): void } }): void;
};
