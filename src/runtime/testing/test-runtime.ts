// The vault runtime and route table that component tests render against. The route table belongs to
// the composition root (src/app), which nothing in src may import except main.tsx; the dom tests'
// setup file (tests/setup-dom.ts) hands it in here, as main.tsx hands the real one to the router.
import type { RouteObject } from 'react-router';
import { createDatabase } from '../../db';
import { VaultRuntime } from '../vault/vault-runtime';

let runtime: VaultRuntime | null = null;
let routeTable: RouteObject[] | null = null;
let counter = 0;

/** A runtime over a fresh, uniquely named fake-indexeddb database. */
export function freshTestRuntime(): VaultRuntime {
  counter += 1;
  const db = createDatabase({ name: `stapwijzer-test-${counter}-${crypto.randomUUID()}`, liveQueryCache: 'disabled' });
  runtime = new VaultRuntime(db);
  return runtime;
}

/** The runtime the current test set up (unlockedVault / firstUse); a new one if none was. */
export function testRuntime(): VaultRuntime {
  return runtime ?? freshTestRuntime();
}

export function setTestRoutes(routes: RouteObject[]): void {
  routeTable = routes;
}

export function testRoutes(): RouteObject[] {
  if (!routeTable) throw new Error('No route table: tests/setup-dom.ts hands it in for dom tests');
  return routeTable;
}
