import { defineMessages } from '../../i18n/define-messages';

export const contentIntegrityMessages = defineMessages(
  {
    repaired:
      'De opgeslagen inhoud van "{pack}" (versie {version}) was op dit apparaat gewijzigd. Stapwijzer heeft die niet gebruikt en de inhoud uit de app teruggezet. Dit staat in het logboek.',
    notRestored:
      'De opgeslagen inhoud van "{pack}" (versie {version}) was op dit apparaat gewijzigd. Stapwijzer gebruikt die niet; deze versie zit niet meer in de app, dus oude uitslagen met deze versie zijn niet te tonen. Dit staat in het logboek.',
    licence: 'Importeer je licentiepakket daarna opnieuw als je dat gebruikte.',
    dismiss: 'Sluiten',
  },
  {
    repaired:
      'The stored content of "{pack}" (version {version}) had been altered on this device. Stapwijzer did not use it and restored the content from the app. This is in the audit log.',
    notRestored:
      'The stored content of "{pack}" (version {version}) had been altered on this device. Stapwijzer does not use it; this version is no longer in the app, so older results made with it cannot be shown. This is in the audit log.',
    licence: 'Import your licence pack again afterwards if you used one.',
    dismiss: 'Close',
  },
);
