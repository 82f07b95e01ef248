// Every path of the router (routes.tsx) as plain data, importable where React is not: the browser
// tests iterate it (tests/routes.ts) so "every route" means every route. route-paths.test.ts proves
// this list equals the router's own table, so a route added there without a line here fails the gate.
export const ROUTE_PATHS = [
  '/',
  '/screening',
  '/screening/:draftId',
  '/screening/:draftId/result',
  '/safety/:signalId',
  '/clients',
  '/clients/:clientId',
  '/clients/new',
  '/clients/:clientId/handover',
  '/clients/:clientId/plan',
  '/clients/:clientId/plan/print',
  '/cards',
  '/cards/checklists/:checklistKey',
  '/cards/:cardId',
  '/cards/:cardId/show',
  '/settings',
  '/settings/backup',
  '/settings/audit',
  '/settings/indicators',
  '/settings/indicators/print',
  '*',
] as const;

export type RoutePath = (typeof ROUTE_PATHS)[number];
