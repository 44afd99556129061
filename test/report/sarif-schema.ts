/** The official SARIF 2.1.0 JSON Schema (rtm.5, as shipped in @microsoft/jest-sarif) compiled with ajv 8, for tests. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/** The schema as published: draft-04, its identity in `id`. */
export const SARIF_JSON_SCHEMA = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown> & { id: string };

// ajv 8 speaks draft-07 and later. The schema uses no keyword whose meaning changed since draft-04
// (no boolean exclusiveMinimum), only the root's `id`, spelt `$id` since draft-06: renamed, nothing else.
const { id, $schema: _draft04, ...rest } = SARIF_JSON_SCHEMA;
// The schema's `language` pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) is no valid regular expression
// with the `u` flag ajv 8 uses by default; without it, it means what draft-04 validators read.
// strict off: draft-04 schemas carry keywords ajv's strict mode does not know.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validate = ajv.compile({ $id: id, ...rest });

/**
 * The schema errors of `log` (empty when it is valid SARIF 2.1.0), one `path: message` line each.
 *
 * @example
 * sarifSchemaErrors(JSON.parse(stdout)); // []
 */
export function sarifSchemaErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? error.keyword}`);
}
