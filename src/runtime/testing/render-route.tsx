// Renders the real route table at a path, in a memory router, inside the test's vault runtime:
// component tests see what users see.
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { RuntimeProvider } from '../vault/runtime-context';
import { testRoutes, testRuntime } from './test-runtime';

export function renderRoute(path: string) {
  const router = createMemoryRouter(testRoutes(), { initialEntries: [path] });
  return {
    router,
    ...render(
      <RuntimeProvider runtime={testRuntime()}>
        <RouterProvider router={router} />
      </RuntimeProvider>,
    ),
  };
}
