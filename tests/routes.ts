// How a browser test reaches every route of the router (src/app/route-paths.ts), shared by the
// offline, axe and precache specs. Keyed by the router's paths: a route added to the router without a
// line here fails the typecheck (a missing key) and tests/precache.spec.ts ("covers every route").
// Routes with an id are reached with the data of the backup fixture (tests/support/backup-fixture.ts),
// restored through the UI, so every page shows its real content, not its "not found" state.
import { ROUTE_PATHS, type RoutePath } from '../src/app/route-paths';
import { CANARY } from './support/backup-fixture';

/** The ids a restored backup fixture (made with `{ draft: true }`) provides. */
export interface RouteData {
  clientId: string;
  draftId: string;
}

export interface RouteVisit {
  /** The URL path to open, with the fixture's ids filled in. */
  url: (data: RouteData) => string;
  /** The level-1 heading the page shows once its content has loaded. */
  heading: string | RegExp;
  /** The heading with ids that do not exist (NO_DATA), where that differs: the page's own "not found". */
  headingWithoutData?: string | RegExp;
  /** Text that only the loaded page shows, where the heading alone does not prove it. */
  text?: string | RegExp;
  /** The page module the route loads lazily (its chunk must be precached); null when in the shell. */
  module: string | null;
}

// A card of the postpartum pack, by its key (pack:card) as the links of "Kaarten" carry it.
const CARD = { key: 'postpartum:pp-sig-what-you-see', title: 'Waar je depressie aan herkent' };

export const VISITS: Record<RoutePath, RouteVisit> = {
  '/': { url: () => '/', heading: 'Vandaag', text: CANARY, module: 'src/features/home/home.page.tsx' },
  '/screening': {
    url: () => '/screening',
    heading: 'Screening',
    text: CANARY, // the start page lists the existing clients
    module: 'src/features/screening/screening.page.tsx',
  },
  '/screening/:draftId': {
    url: (d) => `/screening/${d.draftId}`,
    heading: /EPDS/,
    headingWithoutData: 'Screening niet gevonden',
    module: 'src/features/screening/runner.page.tsx',
  },
  '/screening/:draftId/result': {
    url: (d) => `/screening/${d.draftId}/result`,
    heading: 'Uitslag',
    headingWithoutData: 'Screening niet gevonden',
    text: 'totaal 0 van 30',
    module: 'src/features/screening/result.page.tsx',
  },
  // The backup fixture holds no safety signal, so this route is reached with an unknown id: the page
  // and its chunk load offline and say the signal is not there (the safety specs cover its content).
  '/safety/:signalId': {
    url: () => '/safety/onbekend',
    heading: 'Veiligheidssignaal',
    text: 'Dit signaal is niet gevonden of er is al een actie vastgelegd.',
    module: 'src/features/safety/signal.page.tsx',
  },
  '/clients': {
    url: () => '/clients',
    heading: 'Cliënten',
    text: CANARY,
    module: 'src/features/clients/clients.page.tsx',
  },
  '/clients/:clientId': {
    url: (d) => `/clients/${d.clientId}`,
    heading: CANARY,
    headingWithoutData: 'Cliënt niet gevonden',
    module: 'src/features/clients/client.page.tsx',
  },
  '/clients/new': {
    url: () => '/clients/new',
    heading: 'Nieuwe cliënt',
    module: 'src/features/clients/client-new.page.tsx',
  },
  '/clients/:clientId/handover': {
    url: (d) => `/clients/${d.clientId}/handover`,
    heading: `Overdracht: ${CANARY}`,
    headingWithoutData: 'Overdracht',
    module: 'src/features/handover/handover.page.tsx',
  },
  '/clients/:clientId/plan': {
    url: (d) => `/clients/${d.clientId}/plan`,
    heading: 'Signaleringsplan (terugvalpreventieplan)',
    headingWithoutData: 'Cliënt niet gevonden',
    text: `Voor ${CANARY}`,
    module: 'src/features/plan/plan.page.tsx',
  },
  '/clients/:clientId/plan/print': {
    url: (d) => `/clients/${d.clientId}/plan/print`,
    heading: 'Signaleringsplan (terugvalpreventieplan)',
    text: 'Terug naar het plan',
    module: 'src/features/plan/plan-print.page.tsx',
  },
  '/cards': { url: () => '/cards', heading: 'Kaarten', text: CARD.title, module: 'src/features/cards/cards.page.tsx' },
  '/cards/checklists/:checklistKey': {
    url: () => `/cards/checklists/${encodeURIComponent('caregivers:overload-signals')}`,
    heading: 'Signalen van overbelasting',
    module: 'src/features/cards/checklist.page.tsx',
  },
  '/cards/:cardId': {
    url: () => `/cards/${encodeURIComponent(CARD.key)}`,
    heading: CARD.title,
    module: 'src/features/cards/card.page.tsx',
  },
  '/cards/:cardId/show': {
    url: () => `/cards/${encodeURIComponent(CARD.key)}/show`,
    heading: CARD.title,
    module: 'src/features/cards/card-show.page.tsx',
  },
  '/settings': { url: () => '/settings', heading: 'Instellingen', module: 'src/features/settings/settings.page.tsx' },
  '/settings/backup': {
    url: () => '/settings/backup',
    heading: 'Back-up en gegevens',
    module: 'src/features/backup/backup.page.tsx',
  },
  '/settings/audit': { url: () => '/settings/audit', heading: 'Logboek', module: 'src/features/audit/audit.page.tsx' },
  '*': { url: () => '/bestaat-niet', heading: 'Pagina niet gevonden', module: null },
};

/** Every route of the router, in the router's order, with how to reach it. */
export const ROUTES: ReadonlyArray<RouteVisit & { path: RoutePath }> = ROUTE_PATHS.map((path) => ({
  path,
  ...VISITS[path],
}));

/** Ids that exist nowhere: for specs that need every route's chunk and shell, not a client's data. */
export const NO_DATA: RouteData = { clientId: 'onbekend', draftId: 'onbekend' };

/** Every route reached without fixture data: the URL with unknown ids and the heading it shows then. */
export const ROUTES_WITHOUT_DATA: ReadonlyArray<{ path: RoutePath; url: string; heading: string | RegExp }> =
  ROUTES.map((route) => ({
    path: route.path,
    url: route.url(NO_DATA),
    heading: route.headingWithoutData ?? route.heading,
  }));
