import 'fake-indexeddb/auto'; // must come before anything opens Dexie
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup()); // no `globals: true`, so RTL does not clean up by itself

// findBy*/waitFor wait for content, bounded by this (testing-library's default is 1 s). The first
// render of a lazy route transforms its whole module graph and the vault runs real crypto: on the
// 2-core machine under load that took over 1 s (runner.test.tsx failed 4 of 20 with the default), and
// at load 16 (helpers' builds beside the gate, 2026-12-01) onboarding's passphrase step took over 10 s.
// A cap, not a wait: a passing test returns as soon as its content shows.
configure({ asyncUtilTimeout: 30_000 });
