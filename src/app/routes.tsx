// The route table, defined outside the React tree (STYLE: router canon) so the browser router and the
// memory router in component tests share it. Every feature route is lazy: the first screen loads only
// the shell and the page it shows.
import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { Layout } from './layout';
import { NotFoundPage } from './not-found.page';
import { RouteError } from './route-error';
import { ScreenLoading } from './screen-loading';

const HomePage = lazy(() => import('../features/home/home.page').then((m) => ({ default: m.HomePage })));

function HomeRoute() {
  return (
    <Suspense fallback={<ScreenLoading />}>
      <HomePage />
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
