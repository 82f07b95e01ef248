// The canonical base of every exported URL, set at build time by whoever deploys the app
// (VITE_FHIR_CANONICAL_BASE, a URN or an https URL on a domain they control); the default is a URN.
import { canonicalBase } from '../../domain/fhir';

const configured: unknown = import.meta.env.VITE_FHIR_CANONICAL_BASE;

export const FHIR_BASE = canonicalBase(typeof configured === 'string' ? configured : undefined);
