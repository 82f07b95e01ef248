import { defineMessages } from '../i18n/define-messages';

export const textLimitMessages = defineMessages(
  {
    count: '{count}/{max}',
    full: 'Maximaal {max} tekens: meer past hier niet.',
  },
  {
    count: '{count}/{max}',
    full: 'At most {max} characters: no more fits here.',
  },
);
