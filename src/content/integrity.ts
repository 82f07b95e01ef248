/**
 * Cross-reference checks the schema cannot express: every id a rule, card or vector names must
 * exist, bands must cover the whole score range without gaps, score-entry instruments must not
 * carry item text, and every source id used anywhere must be listed in the pack's sources.
 */
import type { Condition, ContentPack, Instrument, Pathway } from '../domain';

function duplicates(ids: readonly string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/** Every string under a `sources` key anywhere in the pack. */
function collectSourceRefs(value: unknown, path: string, out: { path: string; id: string }[]): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) collectSourceRefs(v, `${path}[${i}]`, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'sources' && Array.isArray(v) && path !== '') {
      for (const id of v) if (typeof id === 'string') out.push({ path: `${path}.sources`, id });
    } else collectSourceRefs(v, path === '' ? key : `${path}.${key}`, out);
  }
}

function maxTotal(instrument: Instrument): number {
  const top = Math.max(...instrument.scoring.optionScores);
  return instrument.items.filter((i) => i.scored).length * top;
}

/** Bands must cover 0…max without gaps or overlaps. */
function checkBands(bands: Instrument['bands'], max: number, where: string, issues: string[]): void {
  let expected = 0;
  for (const band of bands) {
    if (band.min !== expected || band.max < band.min)
      issues.push(`${where}: band ${band.id} should start at ${expected}`);
    expected = band.max + 1;
  }
  if (expected !== max + 1) issues.push(`${where}: bands end at ${expected - 1}, the maximum score is ${max}`);
}

function checkInstrument(ins: Instrument, issues: string[]): void {
  const at = `instrument ${ins.id}`;
  const itemIds = ins.items.map((i) => i.id);
  for (const d of duplicates(itemIds)) issues.push(`${at}: duplicate item id ${d}`);
  ins.items.forEach((item, i) => {
    if (item.number !== i + 1) issues.push(`${at}: item ${item.id} has number ${item.number}, expected ${i + 1}`);
    const labels = item.optionLabels ?? ins.optionLabels;
    if (ins.presentation === 'score-entry' && item.text !== undefined)
      issues.push(`${at}: score-entry item ${item.id} must not carry item text`);
    if (ins.presentation === 'full-text' && (item.text === undefined || labels === undefined))
      issues.push(`${at}: full-text item ${item.id} needs text and option labels`);
    if (item.scored && labels !== undefined && labels.length !== ins.scoring.optionScores.length) {
      issues.push(
        `${at}: item ${item.id} has ${labels.length} option labels, the key has ${ins.scoring.optionScores.length}`,
      );
    }
  });
  for (const id of ins.scoring.reversedItems)
    if (!itemIds.includes(id)) issues.push(`${at}: reversed item ${id} does not exist`);
  for (const rf of ins.redFlags)
    if (!itemIds.includes(rf.itemId)) issues.push(`${at}: red flag ${rf.id} names unknown item ${rf.itemId}`);
  checkBands(ins.bands, maxTotal(ins), at, issues);
  for (const sub of ins.subscales) {
    for (const id of sub.itemIds)
      if (!itemIds.includes(id)) issues.push(`${at}: subscale ${sub.id} names unknown item ${id}`);
    if (sub.bands.length > 0)
      checkBands(
        sub.bands,
        sub.itemIds.length * Math.max(...ins.scoring.optionScores),
        `${at} subscale ${sub.id}`,
        issues,
      );
  }
}

function checkCondition(c: Condition, pack: ContentPack, where: string, issues: string[]): void {
  const pathway = pack.pathway;
  const instrument = (id: string) => {
    const found = pack.instruments.find((i) => i.id === id);
    if (found === undefined || !pathway.instruments.includes(id)) issues.push(`${where}: unknown instrument ${id}`);
    return found;
  };
  const threshold = (t: number | { cutoff: string } | undefined) => {
    if (t !== undefined && typeof t !== 'number' && !pathway.cutoffs.some((x) => x.id === t.cutoff))
      issues.push(`${where}: unknown cut-off ${t.cutoff}`);
  };
  switch (c.kind) {
    case 'total':
      instrument(c.instrument);
      threshold(c.min);
      threshold(c.below);
      return;
    case 'item':
      if (instrument(c.instrument)?.items.some((i) => i.id === c.item) === false)
        issues.push(`${where}: unknown item ${c.item}`);
      return;
    case 'band':
      if (instrument(c.instrument)?.bands.some((b) => b.id === c.band) === false)
        issues.push(`${where}: unknown band ${c.band}`);
      return;
    case 'flag':
      if (!pathway.questions.some((q) => q.id === c.flag)) issues.push(`${where}: unknown question ${c.flag}`);
      return;
    case 'context':
    case 'episodes':
    case 'intake':
    case 'remission-months':
    case 'remission-known':
      return;
    case 'all':
    case 'any':
      for (const sub of c.of) checkCondition(sub, pack, where, issues);
      return;
    case 'not':
      checkCondition(c.of, pack, where, issues);
      return;
    default: {
      const exhaustive: never = c;
      issues.push(`${where}: unknown condition ${JSON.stringify(exhaustive)}`);
    }
  }
}

function checkPathway(pack: ContentPack, pathway: Pathway, issues: string[]): void {
  if (pathway.id !== pack.id) issues.push(`pathway id ${pathway.id} differs from pack id ${pack.id}`);
  for (const id of pathway.instruments)
    if (!pack.instruments.some((i) => i.id === id)) issues.push(`pathway: unknown instrument ${id}`);
  for (const d of duplicates(pathway.rules.map((r) => r.id))) issues.push(`pathway: duplicate rule id ${d}`);
  for (const rule of pathway.rules) {
    checkCondition(rule.when, pack, `rule ${rule.id}`, issues);
    if (rule.outcome.kind === 'administer' && !pathway.instruments.includes(rule.outcome.instrument))
      issues.push(`rule ${rule.id}: unknown instrument ${rule.outcome.instrument}`);
  }
  for (const [i, override] of (pathway.bandOverrides ?? []).entries()) {
    const ins = pack.instruments.find((x) => x.id === override.instrument);
    if (ins === undefined) issues.push(`band override ${i}: unknown instrument ${override.instrument}`);
    else checkBands(override.bands, maxTotal(ins), `band override ${i} (${ins.id})`, issues);
    checkCondition(override.when, pack, `band override ${i}`, issues);
  }
  for (const id of pathway.keepsStepOf ?? [])
    if (!pathway.instruments.includes(id)) issues.push(`keepsStepOf: unknown instrument ${id}`);
  for (const cutoff of pathway.cutoffs)
    for (const o of cutoff.overrides) checkCondition(o.when, pack, `cut-off ${cutoff.id}`, issues);
  for (const row of pack.decisionAid ?? []) checkCondition(row.when, pack, `decision-aid row ${row.id}`, issues);
  for (const [i, interval] of [...pathway.followUp.steps, pathway.followUp.safety].entries()) {
    if (!(interval.minDays <= interval.defaultDays && interval.defaultDays <= interval.maxDays))
      issues.push(`follow-up interval ${i}: needs min ≤ default ≤ max`);
  }
  for (const id of pathway.safety.helpRoutes)
    if (!pack.helpRoutes.some((h) => h.id === id)) issues.push(`safety path: unknown help route ${id}`);
  checkSafetySignals(pack, pathway, issues);
}

/** Every red flag and safety question names its own cards (CONTENT.md §4: the signal's card first). */
function checkSafetySignals(pack: ContentPack, pathway: Pathway, issues: string[]): void {
  const raised = [
    ...pack.instruments.flatMap((i) => i.redFlags.map((r) => r.id)),
    ...pathway.questions.filter((q) => q.effect.kind === 'safety').map((q) => q.id),
  ];
  const signals = pathway.safety.signals;
  for (const d of duplicates(signals.map((s) => s.signal))) issues.push(`safety path: signal ${d} listed twice`);
  for (const id of raised)
    if (!signals.some((s) => s.signal === id)) issues.push(`safety path: signal ${id} has no cards`);
  for (const s of signals) {
    if (!raised.includes(s.signal)) issues.push(`safety path: unknown signal ${s.signal}`);
    if (s.cards.length === 0) issues.push(`safety path: signal ${s.signal} has no cards`);
    for (const id of s.cards) {
      const card = pack.cards.find((c) => c.id === id);
      if (card === undefined) issues.push(`safety path: signal ${s.signal}: unknown card ${id}`);
      else if (card.kind !== 'safety' && card.kind !== 'emergency')
        issues.push(`safety path: signal ${s.signal}: card ${id} is not a safety or emergency card`);
    }
    for (const id of s.helpRoutes)
      if (!pack.helpRoutes.some((h) => h.id === id))
        issues.push(`safety path: signal ${s.signal}: unknown help route ${id}`);
  }
  for (const d of duplicates(pathway.safety.actions.map((a) => a.id))) issues.push(`safety action ${d} listed twice`);
  for (const a of pathway.safety.actions) {
    for (const id of a.signals ?? [])
      if (!raised.includes(id)) issues.push(`safety action ${a.id}: unknown signal ${id}`);
    if (a.correctsInput === true && !a.requiresNote) issues.push(`safety action ${a.id}: a correction needs a note`);
  }
  for (const h of pack.helpRoutes)
    for (const phone of h.phones)
      if (!isDutchNumber(phone.number)) issues.push(`help route ${h.id}: ${phone.number} is not a Dutch number`);
}

/** 112 and 113, 0800/0900 numbers (7–11 digits), or 10 digits: no Dutch number has 11 digits otherwise. */
function isDutchNumber(number: string): boolean {
  const digits = number.replace(/[^0-9]/g, '');
  if (/^11[23]$/.test(digits)) return true;
  if (/^0(800|900|90[69])/.test(digits)) return digits.length >= 8 && digits.length <= 11;
  return digits.length === 10 && digits.startsWith('0');
}

/** All integrity problems of a schema-valid pack, each naming where it is; empty when sound. */
export function checkPackIntegrity(pack: ContentPack): string[] {
  const issues: string[] = [];
  for (const d of duplicates(pack.instruments.map((i) => i.id))) issues.push(`duplicate instrument id ${d}`);
  for (const ins of pack.instruments) checkInstrument(ins, issues);
  checkPathway(pack, pack.pathway, issues);
  for (const d of duplicates(pack.cards.map((c) => c.id))) issues.push(`duplicate card id ${d}`);
  for (const card of pack.cards) {
    if (card.pathway !== pack.id) issues.push(`card ${card.id}: pathway ${card.pathway} differs from pack ${pack.id}`);
    for (const id of card.helpRoutes)
      if (!pack.helpRoutes.some((h) => h.id === id)) issues.push(`card ${card.id}: unknown help route ${id}`);
    for (const id of card.checklists ?? [])
      if (!pack.checklists.some((c) => c.id === id)) issues.push(`card ${card.id}: unknown checklist ${id}`);
  }
  for (const d of duplicates(pack.goldenVectors.map((g) => g.id))) issues.push(`duplicate golden vector id ${d}`);
  const known = new Set(pack.sources.map((s) => s.id));
  const refs: { path: string; id: string }[] = [];
  collectSourceRefs(pack, '', refs);
  for (const ref of refs)
    if (!known.has(ref.id)) issues.push(`${ref.path}: source ${ref.id} is not listed in the pack's sources`);
  return issues;
}
