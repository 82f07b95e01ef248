import { defineMessages } from '../../i18n/define-messages';

export const helpNowMessages = defineMessages(
  {
    button: 'Hulp nu',
    close: 'Sluiten',
    heading: 'Hulp nu',
    intro: 'Nummers en kaarten voor een acuut moment. Ook zonder screening en zonder internet.',
    regionalLocked: 'Regionale nummers zie je na het ontgrendelen.',
    loading: 'Hulpnummers laden…',
  },
  {
    button: 'Help now',
    close: 'Close',
    heading: 'Help now',
    intro: 'Numbers and cards for an acute moment. Also without a screening and without internet.',
    regionalLocked: 'You see the regional numbers after unlocking.',
    loading: 'Loading help numbers…',
  },
);
