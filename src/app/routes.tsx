// The route table, defined outside the React tree (STYLE: router canon) so the browser router and the
// memory router in component tests share it. Every feature route is lazy: the first screen loads only
// the shell and the page it shows.
import type { RouteObject } from 'react-router';
import { Layout } from './layout';
import { NotFoundPage } from './not-found.page';
import { RouteError } from './route-error';
import { ScreenLoading } from './screen-loading';

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
          { index: true, lazy: () => import('../features/home/home.page').then((m) => ({ Component: m.HomePage })) },
          {
            path: 'screening',
            lazy: () => import('../features/screening/screening.page').then((m) => ({ Component: m.ScreeningPage })),
          },
          {
            path: 'clients',
            lazy: () => import('../features/clients/clients.page').then((m) => ({ Component: m.ClientsPage })),
          },
          {
            path: 'clients/:clientId',
            lazy: () => import('../features/clients/client.page').then((m) => ({ Component: m.ClientPage })),
          },
          { path: 'cards', lazy: () => import('../features/cards/cards.page').then((m) => ({ Component: m.CardsPage })) },
          {
            path: 'cards/:cardId',
            lazy: () => import('../features/cards/card.page').then((m) => ({ Component: m.CardPage })),
          },
          {
            path: 'settings',
            lazy: () => import('../features/settings/settings.page').then((m) => ({ Component: m.SettingsPage })),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
