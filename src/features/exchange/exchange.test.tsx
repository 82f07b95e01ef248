// The export section on the client page, end to end through the real repositories and engine: the
// .json file it makes validates (R4 schema + invariants), the journal line says date, instrument,
// total, band, step, safety action and next date, every export is an audit event, and a canary
// alias and canary notes reach neither the file, its name, nor the journal line.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exportProblems, type Known } from '../../../tests/fhir/export-invariants';
import { auditSettled, completeScreening, createClient, createNote, readAuditEvents } from '../../db';
import { type ContentPack, evaluateScreening } from '../../domain';
import { buildCodeSystem, buildQuestionnaire, questionnaireCanonical } from '../../domain/fhir';
import { setLanguage } from '../../i18n/language';
import { useSession } from '../../runtime/session-store';
import { renderRoute } from '../../runtime/testing/render-route';
import { testRuntime } from '../../runtime/testing/test-runtime';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { packOf } from '../clients/testing/seed';
import { confirmEpdsKey } from '../settings/epds-key';
import { FHIR_BASE } from './canonical-base';

const CANARIES = [
  'CANARY-ALIAS-7F3A',
  'CANARY-OVERRIDE',
  'CANARY-DECISION-NOTE',
  'CANARY-ACTION-NOTE',
  'CANARY-CLIENT-NOTE',
  'CANARY-FOLLOWUP-NOTE',
];

// The client page loads its history and then the lazy export section: on a busy 2-core machine that
// takes longer than Testing Library's default second.
const SLOW = { timeout: 10_000 };

beforeEach(() => {
  localStorage.clear();
  useSession.setState({ clientMode: false });
  setLanguage('nl');
});

function known(pack: ContentPack): Known {
  const cs = buildCodeSystem(pack, FHIR_BASE, 'nl');
  return {
    codeSystems: new Map([[`${cs.url}|${cs.version}`, cs]]),
    questionnaires: new Map(
      pack.instruments.map((i) => [
        questionnaireCanonical(FHIR_BASE, i, pack),
        buildQuestionnaire(i, pack, FHIR_BASE, 'nl'),
      ]),
    ),
  };
}

/** An EPDS on the safety path (item 10 and the psychosis question), with every free-text field a canary. */
async function seed() {
  const session = await unlockedVault();
  const pack = await packOf('postpartum');
  const client = await createClient(session, { alias: 'CANARY-ALIAS-7F3A', code: 'K-0042' });
  await createNote(session, client.id, { text: 'CANARY-CLIENT-NOTE' });
  const answers = {
    'epds-1': 1,
    'epds-2': 1,
    'epds-3': 2,
    'epds-4': 1,
    'epds-5': 2,
    'epds-6': 2,
    'epds-7': 3,
    'epds-8': 2,
    'epds-9': 3,
    'epds-10': 2,
  };
  const flags = { 'postpartum-psychosis': true };
  const context = { phase: 'postpartum', weeks: 6 } as const;
  const at = Date.parse('2026-11-20T10:00:00Z');
  const result = evaluateScreening({ pack, instrumentId: 'epds', answers, context, flags, now: at });
  if (!result.ok) throw new Error(result.error.message);
  const outcome = result.value;
  const screeningId = crypto.randomUUID();
  await completeScreening(
    session,
    {
      screening: {
        id: screeningId,
        clientId: client.id,
        packId: pack.id,
        packVersion: pack.contentVersion,
        instrumentId: 'epds',
        instrumentVersion: '1.0.0',
        data: {
          pathwayId: 'postpartum',
          instrumentId: 'epds',
          answers,
          context,
          flags,
          outcome,
          preScreens: [{ instrumentId: 'whooley', answers: { 'whooley-1': 1, 'whooley-2': 0, 'whooley-help': 1 } }],
        },
      },
      decision: {
        pathwayId: 'postpartum',
        data: {
          recommended: outcome.recommendation,
          chosen: 'safety',
          overrideReason: 'CANARY-OVERRIDE',
          note: 'CANARY-DECISION-NOTE',
          reasons: [...outcome.reasons],
          safetyAction: { action: 'huisarts-informed', note: 'CANARY-ACTION-NOTE', at: '2026-11-20T10:05:00.000Z' },
        },
      },
      followUp: {
        pathwayId: 'postpartum',
        dueDate: '2026-11-21',
        data: { step: 'safety', instrumentId: 'epds', screeningId, note: 'CANARY-FOLLOWUP-NOTE' },
      },
    },
    at,
  );
  return { client, pack, screeningId, total: outcome.score.total, band: outcome.score.band.label.nl };
}

async function exportEvents() {
  await auditSettled(testRuntime().db);
  return (await readAuditEvents(testRuntime().session())).filter((e) => e.action.startsWith('export-'));
}

describe('export to the record (client page)', () => {
  it('downloads a .json Bundle with the Whooley pre-screen and the EPDS that validates, named without alias, logged as an export-fhir event', async () => {
    const { client, pack, screeningId } = await seed();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    renderRoute(`/clients/${client.id}`);
    expect(
      await screen.findByText('Deel alleen via een beveiligd kanaal (bijv. ZorgMail, Siilo).', {}, SLOW),
    ).toBeVisible();
    expect(screen.getByTestId('epds-key-not-confirmed')).toHaveTextContent('scoringssleutel niet bevestigd');
    fireEvent.click(screen.getByRole('button', { name: 'Download .json' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    click.mockRestore();

    expect(names).toEqual([expect.stringMatching(/^stapwijzer-epds-\d{4}-\d{2}-\d{2}\.json$/)]);
    const text = await blobs[0]!.text();
    for (const canary of CANARIES) expect(text).not.toContain(canary);
    const bundle = JSON.parse(text);
    expect(exportProblems(bundle, known(pack))).toEqual([]);
    const responses = bundle.entry.filter(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'QuestionnaireResponse',
    );
    expect(responses.map((e: { resource: { questionnaire: string } }) => e.resource.questionnaire)).toEqual([
      expect.stringContaining(':Questionnaire:whooley|'),
      expect.stringContaining(':Questionnaire:epds|'),
    ]);
    expect(text).toContain('"value": "K-0042"');
    expect(text).toContain('Scoringssleutel niet bevestigd door de praktijk');
    await waitFor(async () =>
      expect((await exportEvents()).map((e) => [e.action, e.recordId])).toEqual([['export-fhir', screeningId]]),
    );
  }, 60_000); // compiling the 3.4 MB R4 schema takes seconds on a busy machine

  it('copies a journal line with date, instrument, total, band, step, safety action and next date — no alias, no note', async () => {
    const { client, screeningId, total, band } = await seed();
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (s: string) => void copied.push(s) },
    });
    renderRoute(`/clients/${client.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Kopieer als journaalregel' }, SLOW));
    expect(await screen.findByText('Journaalregel gekopieerd.')).toBeVisible();
    expect(copied).toHaveLength(1);
    const line = copied[0]!;
    expect(line.startsWith(`2026-11-20 EPDS totaal ${total} (${band}); veiligheidspad; `)).toBe(true);
    expect(line).toContain('veiligheidsactie: ');
    expect(line).toContain('volgende afspraak 2026-11-21');
    expect(line).toContain('scoringssleutel niet bevestigd');
    for (const canary of CANARIES) expect(line).not.toContain(canary);
    await waitFor(async () =>
      expect((await exportEvents()).map((e) => [e.action, e.recordId])).toEqual([['export-copy', screeningId]]),
    );
  });

  it('once the practice confirmed the EPDS key, neither the screen nor the journal line says it is unconfirmed', async () => {
    const { client } = await seed();
    await confirmEpdsKey(testRuntime().session(), 'TV', '2026-11-01T09:00:00.000Z');
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (s: string) => void copied.push(s) },
    });
    renderRoute(`/clients/${client.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Kopieer als journaalregel' }, SLOW));
    expect(await screen.findByText('Journaalregel gekopieerd.')).toBeVisible();
    expect(screen.queryByTestId('epds-key-not-confirmed')).toBeNull();
    expect(copied[0]).toMatch(/^2026-11-20 EPDS totaal/);
    expect(copied[0]).not.toContain('scoringssleutel niet bevestigd');
  });
});
