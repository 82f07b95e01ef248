// Wraps a component or hook under test in the test's vault runtime (render's or renderHook's `wrapper`).
import type { ReactNode } from 'react';
import { RuntimeProvider } from '../vault/runtime-context';
import { testRuntime } from './test-runtime';

export function WithTestRuntime({ children }: { children: ReactNode }) {
  return <RuntimeProvider runtime={testRuntime()}>{children}</RuntimeProvider>;
}
