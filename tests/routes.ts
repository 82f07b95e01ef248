// Every screen of the app with the heading it must show, in Dutch; shared by the offline and axe specs.
export const ROUTES: ReadonlyArray<{ path: string; heading: string | RegExp }> = [
  { path: '/', heading: 'Vandaag' },
  { path: '/screening', heading: 'Screening' },
  { path: '/clients', heading: 'Cliënten' },
  { path: '/clients/onbekend', heading: /Cliënt/ },
  { path: '/cards', heading: 'Kaarten' },
  { path: '/cards/onbekend', heading: /Kaart/ },
  { path: '/settings', heading: 'Instellingen' },
  { path: '/settings/indicators', heading: 'Praktijkcijfers' },
  { path: '/bestaat-niet', heading: 'Pagina niet gevonden' },
];
