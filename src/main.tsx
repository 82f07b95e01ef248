import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { installPreloadErrorGuard } from './app/preload-error-guard';
import { safeRootOptions } from './app/root-error-reporting';
import { router } from './app/router';
import { installCrossTabLocking } from './runtime/cross-tab/lock-tabs';
import './ui/styles.css';

installPreloadErrorGuard();
installCrossTabLocking();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root, safeRootOptions).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
