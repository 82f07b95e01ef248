// From stored records to the plain facts the FHIR mapping and the journal line take. This adapter is
// the only place that knows the record and outcome shapes; it passes on no alias, no note, no
// override reason and no free text of a safety action, so none of them can reach an export.
import type { ClientRecord, DecisionRecord, FollowUpRecord, ScreeningRecord } from '../../db';
import { type ContentPack, type Step, scoreInstrument, type Text } from '../../domain';
import { type ExportSubject, type ScreeningExport, scoreFacts } from '../../domain/fhir';
import { localDate } from '../clients/dates';

export interface ExportRow {
  screening: ScreeningRecord;
  decision: DecisionRecord | undefined;
  followUp: FollowUpRecord | undefined;
  pack: ContentPack | undefined;
}

/** What a journal line says, besides what the Bundle says. */
export interface JournalFacts {
  date: string;
  instrument: string;
  total: number;
  band: Text;
  step: { kind: 'step'; step: Step; label: Text } | { kind: 'safety' } | null;
  safetyActions: readonly Text[];
  nextDate: string | null;
  keyConfirmed: boolean;
}

export interface Exportable {
  id: string;
  screening: ScreeningExport;
  /** Instruments answered before it in the same session (e.g. the Whooley questions before the EPDS). */
  preScreens: ScreeningExport[];
  journal: JournalFacts;
}

export const EPDS_ID = 'epds';

/** The pseudonymous subject: the client code the practice knows, else the opaque record id. */
export function exportSubject(client: ClientRecord): ExportSubject {
  const code = client.data.code?.trim();
  return code ? { kind: 'code', value: code } : { kind: 'record', value: client.id };
}

/** Short instrument name for a journal line: "EPDS" of "EPDS (Edinburgh …)". */
const shortName = (name: Text): string => name.nl.split(' (')[0] ?? name.nl;

export function toExportable(row: ExportRow, epdsKeyConfirmed: boolean): Exportable | null {
  const { screening, decision, followUp, pack } = row;
  if (screening.status !== 'completed' || !pack) return null;
  const instrument = pack.instruments.find((i) => i.id === screening.instrumentId);
  if (!instrument) return null;
  const { score } = screening.data.outcome;
  const keyConfirmed = score.keyVerified || (instrument.id === EPDS_ID && epdsKeyConfirmed);
  const action = decision?.data.safetyAction?.action;
  const safetyActions = pack.pathway.safety.actions
    .filter((a) => a.id === action)
    .map((a) => ({ actionId: a.id, label: a.label }));
  const safetyQuestions = pack.pathway.questions
    .filter((q) => q.effect.kind === 'safety' && screening.data.flags[q.id] === true)
    .map((q) => ({ questionId: q.id, question: q.question }));
  const chosen = decision?.data.chosen;
  const authored = new Date(screening.createdAt).toISOString();
  const packRef = { id: pack.id, contentVersion: pack.contentVersion };
  return {
    id: screening.id,
    screening: {
      pack: packRef,
      instrument,
      ...scoreFacts(score),
      safetyQuestions,
      safetyActions,
      authored,
      keyConfirmed,
    },
    preScreens: (screening.data.preScreens ?? []).flatMap((pre): ScreeningExport[] => {
      const preInstrument = pack.instruments.find((i) => i.id === pre.instrumentId);
      const scored = preInstrument ? scoreInstrument(preInstrument, pre.answers) : null;
      if (!preInstrument || !scored?.ok) return [];
      return [
        {
          pack: packRef,
          instrument: preInstrument,
          ...scoreFacts(scored.value),
          safetyQuestions: [],
          safetyActions: [],
          authored,
          keyConfirmed: scored.value.keyVerified || (preInstrument.id === EPDS_ID && epdsKeyConfirmed),
        },
      ];
    }),
    journal: {
      date: localDate(new Date(screening.createdAt)),
      instrument: shortName(instrument.name),
      total: score.total,
      band: score.band.label,
      step:
        chosen === undefined
          ? null
          : chosen === 'safety'
            ? { kind: 'safety' }
            : { kind: 'step', step: chosen, label: pack.pathway.stepLabels[chosen] },
      safetyActions: safetyActions.map((a) => a.label),
      nextDate: followUp?.dueDate ?? null,
      keyConfirmed,
    },
  };
}

/** Every completed screening of a client with its decision, follow-up and pack, newest first. */
export function exportRows(history: {
  screenings: ScreeningRecord[];
  decisions: DecisionRecord[];
  followUps: FollowUpRecord[];
  packs: Map<string, ContentPack>;
}): ExportRow[] {
  return history.screenings
    .filter((s) => s.status === 'completed')
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((screening) => ({
      screening,
      decision: history.decisions.find((d) => d.screeningId === screening.id),
      followUp: history.followUps.find((f) => f.data.screeningId === screening.id),
      pack: history.packs.get(`${screening.packId}@${screening.packVersion}`),
    }));
}
