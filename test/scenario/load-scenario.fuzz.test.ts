import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, it } from 'vitest';
import { loadScenario } from '../../engine/scenario/index.ts';
import { CONTRACT_TEXT } from './scenario-text.ts';

describe('loadScenario robustness', () => {
  const answers = (text: string, file: string) => {
    const result = loadScenario(text, file, { overrides: ['tenant.edrBlockMode=true'] });
    return result.ok ? result.value.name.length >= 0 : result.issues.length > 0 && result.issues.every((issue) => typeof issue.message === 'string');
  };

  it('should answer any string with a scenario or issues, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('f.yaml', 'f.json'), (text, file) => answers(text, file)),
      { numRuns: 200 },
    );
  });

  it('should answer any YAML or JSON document with a scenario or issues', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), fc.boolean(), (value, asJson) => {
        let text: string;
        try {
          text = asJson ? (JSON.stringify(value) ?? 'null') : stringify(value);
        } catch {
          return true; // values the serialisers refuse (BigInt, cycles) are not documents
        }
        return answers(text, asJson ? 'f.json' : 'f.yaml');
      }),
      { numRuns: 100 },
    );
  });

  it('should answer scenario-shaped documents with random values in every key', () => {
    const section = fc.oneof(fc.anything({ maxDepth: 1 }), fc.dictionary(fc.constantFrom('name', 'os', 'at', 'artifact', 'device', 'count', 'template', 'paths', 'from'), fc.anything({ maxDepth: 1 })));
    fc.assert(
      fc.property(fc.record({ name: fc.anything({ maxDepth: 1 }), devices: fc.array(section), fleet: fc.array(section), timeline: fc.array(section), expect: fc.array(section), tenant: section, exclusions: section, indicators: section }, { requiredKeys: [] }), (document) => {
        let text: string;
        try {
          text = stringify(document);
        } catch {
          return true;
        }
        return answers(text, 'f.yaml');
      }),
      { numRuns: 40 },
    );
  });

  it('should answer the contract example with any one character deleted', () => {
    const small = CONTRACT_TEXT.replace('count: 1000, namePrefix', 'count: 3, namePrefix');
    fc.assert(
      fc.property(fc.nat({ max: small.length - 1 }), (at) => answers(small.slice(0, at) + small.slice(at + 1), 'f.yaml')),
      { numRuns: 60 },
    );
  });
});
