import { describe, expect, it } from 'vitest';
import { SCENARIO_KEYS, scenarioJsonSchema } from '../../../engine/scenario/index.ts';

interface JsonNode {
  readonly type?: string | string[];
  readonly properties?: Record<string, JsonNode>;
  readonly items?: JsonNode;
  readonly anyOf?: JsonNode[];
  readonly default?: unknown;
  readonly additionalProperties?: unknown;
  readonly required?: string[];
  readonly enum?: unknown[];
}

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema() as JsonNode & { $schema?: string };

  it('should be valid JSON for draft 2020-12', () => {
    const text = JSON.stringify(schema);
    expect(JSON.parse(text)).toEqual(schema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('should list the top-level keys of the contract and refuse others', () => {
    expect(Object.keys(schema.properties ?? {})).toMatchInlineSnapshot(`
      [
        "$schema",
        "name",
        "description",
        "tags",
        "seed",
        "start",
        "settings",
        "tenant",
        "devices",
        "fleet",
        "exclusions",
        "indicators",
        "timeline",
        "expect",
      ]
    `);
    expect(Object.keys(schema.properties ?? {})).toEqual(SCENARIO_KEYS);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['name']);
  });

  it('should offer invalidRows: refuse | skip on an indicator CSV import, default refuse, but not on an exclusions import', () => {
    const properties = scenarioJsonSchema().properties as Record<string, JsonNode>;
    const imports = (key: string) => properties[key]?.anyOf?.find((branch) => branch.properties?.['from'] !== undefined);
    expect(imports('indicators')?.properties?.['invalidRows']).toMatchObject({ enum: ['refuse', 'skip'], default: 'refuse' });
    expect(imports('exclusions')?.properties?.['invalidRows']).toBeUndefined();
  });

  it('should carry the contract defaults, including those of transformed values', () => {
    const tenant = schema.properties?.tenant?.properties ?? {};
    const device = schema.properties?.devices?.items?.properties ?? {};
    expect({
      license: tenant.license?.default,
      edrBlockMode: tenant.edrBlockMode?.default,
      allowOrBlockFile: tenant.allowOrBlockFile?.default,
      propagation: Object.fromEntries(
        Object.entries(tenant.propagation?.properties ?? {}).map(([key, value]) => [key, value.default]),
      ),
      onboarded: device.onboarded?.default,
      primaryAv: device.primaryAv?.default,
      platform: device.mdav?.properties?.platform?.default,
    }).toMatchInlineSnapshot(`
      {
        "allowOrBlockFile": true,
        "edrBlockMode": false,
        "license": "plan-2",
        "onboarded": true,
        "platform": "4.18.24090.11",
        "primaryAv": "defender",
        "propagation": {
          "edrBlockModeDisable": "30m",
          "edrBlockModeEnable": "0m",
        },
      }
    `);
  });

  it('should describe a timeline item as one of artifact, change, generate or action', () => {
    const variants = schema.properties?.timeline?.items?.anyOf ?? [];
    expect(variants.map((variant) => Object.keys(variant.properties ?? {}))).toEqual([
      ['at', 'artifact'],
      ['at', 'change'],
      ['at', 'generate'],
      ['at', 'action', 'artifact', 'device', 'devices', 'sha256', 'actionType', 'moreInstances', 'status', 'by'],
    ]);
  });
});
