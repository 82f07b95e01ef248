// Fills `{name}` placeholders in a message; a missing value leaves the placeholder visible, so a
// forgotten value shows up in review instead of vanishing.
//
// Plurals: `{count|# antwoord|# antwoorden}` picks the form by Intl.PluralRules of the language (`#`
// is the number). Intl rather than an i18n library with ICU messages (FormatJS/i18next: 15–40 kB
// gzipped in the shell chunk that every cold start offline parses): the browser already ships the
// plural rules and date formats for Dutch and English, and two forms (one/other) are all nl and en use.

const rules = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let r = rules.get(locale);
  if (r === undefined) {
    r = new Intl.PluralRules(locale);
    rules.set(locale, r);
  }
  return r;
}

export function format(template: string, values?: Record<string, string | number>, locale = 'nl'): string {
  if (!values) return template;
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (one === undefined || other === undefined) return String(value);
    const n = Number(value);
    const form = pluralRules(locale).select(n) === 'one' ? one : other;
    return form.replaceAll('#', String(value));
  });
}
