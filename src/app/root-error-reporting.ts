// React logs caught and uncaught render errors with their message and stack by default. A message can
// quote client input, so the production root reports only the error's type (R37: no client data in
// the console).
import type { RootOptions } from 'react-dom/client';

const typeOf = (error: unknown) => (error instanceof Error ? error.name : typeof error);

export const safeRootOptions: RootOptions = {
  onCaughtError: (error) => console.error('Caught render error:', typeOf(error)),
  onUncaughtError: (error) => console.error('Uncaught render error:', typeOf(error)),
  onRecoverableError: (error) => console.warn('Recoverable render error:', typeOf(error)),
};
