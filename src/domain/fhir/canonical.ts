/**
 * Canonical URLs. Whoever deploys the app sets the base at build time (a domain they control); the
 * default is a URN, so no export ever names a web domain nobody owns. A URN base joins with ':',
 * a web base with '/'.
 */

export const DEFAULT_CANONICAL_BASE = 'urn:stapwijzer';

const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}(:[A-Za-z0-9._~-]+)*$/;
const WEB = /^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~-]+)*$/;

/** The base to use: the configured one when it is a URN or an https URL without a trailing slash. */
export function canonicalBase(configured: string | undefined): string {
  const base = configured?.trim() ?? '';
  if (base === '') return DEFAULT_CANONICAL_BASE;
  if (URN.test(base) || WEB.test(base)) return base;
  throw new Error(`FHIR canonical base must be a URN or an https URL without a trailing slash: "${base}"`);
}

/** `<base>:<kind>:<id>` for a URN base, `<base>/<kind>/<id>` for a web base. */
export function canonicalUrl(base: string, kind: string, id: string): string {
  return base.startsWith('urn:') ? `${base}:${kind}:${id}` : `${base}/${kind}/${id}`;
}
