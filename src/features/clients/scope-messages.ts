import { defineMessages } from '../../i18n/define-messages';

export const scopeMessages = defineMessages(
  {
    legend: 'Cliënten van',
    mine: 'Mijn cliënten ({initials})',
    team: 'Het hele team',
  },
  {
    legend: 'Clients of',
    mine: 'My clients ({initials})',
    team: 'The whole team',
  },
);
