import { defineMessages } from '../../i18n/define-messages';

// "Definitief vernietigen" (issue 20): plain about what is gone, and about what is not.
export const destroyMessages = defineMessages(
  {
    open: 'Definitief vernietigen…',
    title: 'Cliënt definitief vernietigen',
    intro:
      'Medische gegevens hebben een bewaarplicht (WGBO). Archiveren is meestal genoeg: dat kun je terugdraaien. Vernietig alleen op verzoek van de cliënt of als de bewaartermijn voorbij is.',
    reasonLegend: 'Reden',
    reasonRequest: 'De cliënt heeft gevraagd de gegevens te vernietigen',
    reasonRetention: 'De bewaartermijn is verstreken',
    reasonRequired: 'Kies een reden.',
    confirmLabel: 'Typ “{alias}” om te bevestigen',
    confirmMismatch: 'Typ precies “{alias}”.',
    whatGoes:
      'Alle gegevens van deze cliënt en de bijbehorende sleutel worden van dit apparaat verwijderd. Dit kan niet ongedaan worden gemaakt.',
    team: 'Werk je in een team? Dan vernietigen de andere apparaten hun kopie zodra ze synchroniseren. Een apparaat dat nooit meer synchroniseert, houdt zijn kopie.',
    backups:
      'Oudere back-ups bevatten deze cliënt nog tot je ze verwijdert. Zet je zo’n back-up terug op dit apparaat, dan komt deze cliënt niet terug.',
    submit: 'Definitief vernietigen',
    busy: 'Bezig met vernietigen…',
    cancel: 'Annuleren',
  },
  {
    open: 'Destroy for good…',
    title: 'Destroy this client for good',
    intro:
      'Medical records must be kept (WGBO). Archiving is usually enough: it can be undone. Destroy only at the client’s request or when the retention period has ended.',
    reasonLegend: 'Reason',
    reasonRequest: 'The client asked for the data to be destroyed',
    reasonRetention: 'The retention period has ended',
    reasonRequired: 'Choose a reason.',
    confirmLabel: 'Type “{alias}” to confirm',
    confirmMismatch: 'Type exactly “{alias}”.',
    whatGoes: 'All of this client’s data and its key are removed from this device. This cannot be undone.',
    team: 'Working in a team? The other devices destroy their copy as soon as they sync. A device that never syncs again keeps its copy.',
    backups:
      'Older backups still hold this client until you delete them. Restoring such a backup on this device does not bring this client back.',
    submit: 'Destroy for good',
    busy: 'Destroying…',
    cancel: 'Cancel',
  },
);
