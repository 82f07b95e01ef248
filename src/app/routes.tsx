// The route table, defined outside the React tree (STYLE: router canon) so the browser router and the
// memory router in component tests share it. Every feature route is lazy: the first screen loads only
// the shell and the page it shows.
import { lazy, Suspense, useState } from 'react';
import type { RouteObject } from 'react-router';
import { Layout } from './layout';
import { NotFoundPage } from './not-found.page';
import { RouteError } from './route-error';
import { ScreenLoading } from './screen-loading';

type HomeModule = typeof import('../features/home/home.page');
let loadedHome: HomeModule | null = null;
const loadHome = () =>
  import('../features/home/home.page').then((m) => {
    loadedHome = m;
    return m;
  });
const LazyHomePage = lazy(() => loadHome().then((m) => ({ default: m.HomePage })));

/**
 * Fetches Vandaag's chunks (and the storage layer they import) without rendering anything: started
 * when the person begins to unlock, they load while the key derivation runs in its worker instead of
 * after it (issue 23). Code only: nothing is read from the vault before it is unlocked.
 */
export function preloadHome(): void {
  loadHome().catch(() => {});
}

function HomeRoute() {
  // Loaded already (preloadHome while unlocking): rendered at once. React.lazy suspends once even for a
  // module that is there, and React then holds the screen behind its fallback for up to 300 ms (its
  // fallback throttle): most of issue 23's unlock → Vandaag regression. Chosen once per mount, so the
  // page is never remounted when the module arrives.
  const [Page] = useState(() => loadedHome?.HomePage ?? LazyHomePage);
  return (
    <Suspense fallback={<ScreenLoading />}>
      <Page />
    </Suspense>
  );
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    hydrateFallbackElement: <ScreenLoading />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          // Not a route `lazy`: the router resolves that for `/` at start, so the locked lock screen and
          // first use would fetch Vandaag (and the caseload reading behind it) before anyone unlocks.
          // As a component it loads only when the vault gate renders the page (issues 19, 22).
          { index: true, Component: HomeRoute },
          {
            path: 'screening',
            lazy: () => import('../features/screening/screening.page').then((m) => ({ Component: m.ScreeningPage })),
          },
          {
            path: 'screening/:draftId',
            lazy: () => import('../features/screening/runner.page').then((m) => ({ Component: m.RunnerPage })),
          },
          {
            path: 'screening/:draftId/result',
            lazy: () => import('../features/screening/result.page').then((m) => ({ Component: m.ResultPage })),
          },
          {
            path: 'safety/:signalId',
            lazy: () => import('../features/safety/signal.page').then((m) => ({ Component: m.SafetySignalPage })),
          },
          {
            path: 'clients',
            lazy: () => import('../features/clients/clients.page').then((m) => ({ Component: m.ClientsPage })),
          },
          {
            path: 'clients/:clientId',
            lazy: () => import('../features/clients/client.page').then((m) => ({ Component: m.ClientPage })),
          },
          {
            path: 'clients/new',
            lazy: () => import('../features/clients/client-new.page').then((m) => ({ Component: m.ClientNewPage })),
          },
          {
            path: 'clients/:clientId/handover',
            lazy: () => import('../features/handover/handover.page').then((m) => ({ Component: m.HandoverPage })),
          },
          {
            path: 'clients/:clientId/plan',
            lazy: () => import('../features/plan/plan.page').then((m) => ({ Component: m.PlanPage })),
          },
          {
            path: 'clients/:clientId/plan/print',
            lazy: () => import('../features/plan/plan-print.page').then((m) => ({ Component: m.PlanPrintPage })),
          },
          {
            path: 'cards',
            lazy: () => import('../features/cards/cards.page').then((m) => ({ Component: m.CardsPage })),
          },
          {
            path: 'cards/checklists/:checklistKey',
            lazy: () => import('../features/cards/checklist.page').then((m) => ({ Component: m.ChecklistPage })),
          },
          {
            path: 'cards/:cardId',
            lazy: () => import('../features/cards/card.page').then((m) => ({ Component: m.CardPage })),
          },
          {
            path: 'cards/:cardId/show',
            lazy: () => import('../features/cards/card-show.page').then((m) => ({ Component: m.CardShowPage })),
          },
          {
            path: 'settings',
            lazy: () => import('../features/settings/settings.page').then((m) => ({ Component: m.SettingsPage })),
          },
          {
            path: 'settings/backup',
            lazy: () => import('../features/backup/backup.page').then((m) => ({ Component: m.BackupPage })),
          },
          {
            path: 'settings/indicators',
            lazy: () => import('../features/indicators/indicators.page').then((m) => ({ Component: m.IndicatorsPage })),
          },
          {
            path: 'settings/indicators/print',
            lazy: () =>
              import('../features/indicators/indicators-print.page').then((m) => ({
                Component: m.IndicatorsPrintPage,
              })),
          },
          {
            path: 'settings/audit',
            lazy: () => import('../features/audit/audit.page').then((m) => ({ Component: m.AuditPage })),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
