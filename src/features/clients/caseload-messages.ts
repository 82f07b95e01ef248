// The caseload row's words (chips, last score, next date): apart from the client feature's messages,
// so Vandaag, which shows the same chips, does not load every client-page string.
import { defineMessages } from '../../i18n/define-messages';

export const caseloadMessages = defineMessages(
  {
    stepChip: 'Stap {step}',
    safetyPathChip: 'Veiligheidsroute',
    safetyOpenUrgent: 'Veiligheidssignaal open',
    safetyOpenEmergency: 'Spoed: veiligheidssignaal open',
    lastScore: 'Laatste score {instrument} {total}, {date}',
    noScore: 'Nog geen screening',
    nextDue: 'Vervolg {date}',
    nextOverdue: 'Vervolg te laat, gepland op {date}',
    nextToday: 'Vervolg vandaag',
    noNext: 'Geen vervolg gepland',
  },
  {
    stepChip: 'Step {step}',
    safetyPathChip: 'Safety path',
    safetyOpenUrgent: 'Open safety signal',
    safetyOpenEmergency: 'Emergency: open safety signal',
    lastScore: 'Last score {instrument} {total}, {date}',
    noScore: 'No screening yet',
    nextDue: 'Follow-up {date}',
    nextOverdue: 'Follow-up overdue, planned for {date}',
    nextToday: 'Follow-up today',
    noNext: 'No follow-up planned',
  },
);
