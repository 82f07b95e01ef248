import 'fake-indexeddb/auto'; // must come before anything opens Dexie
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup()); // no `globals: true`, so RTL does not clean up by itself
