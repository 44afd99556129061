import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, it } from 'vitest';
import { loadScenario } from '../../engine/scenario/index.ts';
import { CONTRACT_TEXT, MINIMAL, yaml } from './scenario-text.ts';

/** What a terminal shows as nothing or as a line break: no issue may carry one (quote() escapes them). */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

describe('loadScenario robustness', () => {
  const answers = (text: string, file: string) => {
    const result = loadScenario(text, file, { overrides: ['tenant.edrBlockMode=true'] });
    const issues = result.ok ? result.value.warnings : result.issues;
    const visible = issues.every((issue) =>
      [issue.message, issue.expected, issue.received, issue.hint].every((text) => text === undefined || !INVISIBLE.test(text)),
    );
    return (
      visible &&
      (result.ok
        ? result.value.name.length >= 0
        : result.issues.length > 0 && result.issues.every((issue) => typeof issue.message === 'string'))
    );
  };

  it('should answer any string with a scenario or issues, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('f.yaml', 'f.json'), (text, file) =>
        answers(text, file),
      ),
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
    const section = fc.oneof(
      fc.anything({ maxDepth: 1 }),
      fc.dictionary(
        fc.constantFrom('name', 'os', 'at', 'artifact', 'device', 'count', 'template', 'paths', 'from'),
        fc.anything({ maxDepth: 1 }),
      ),
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            name: fc.anything({ maxDepth: 1 }),
            devices: fc.array(section),
            fleet: fc.array(section),
            timeline: fc.array(section),
            expect: fc.array(section),
            tenant: section,
            exclusions: section,
            indicators: section,
          },
          { requiredKeys: [] },
        ),
        (document) => {
          let text: string;
          try {
            text = stringify(document);
          } catch {
            return true;
          }
          return answers(text, 'f.yaml');
        },
      ),
      { numRuns: 40 },
    );
  });

  it('should suggest the folder as written, and nothing else, for any double-quoted folder ending in a backslash', () => {
    const folder = fc
      .tuple(
        fc.constantFrom('C:', 'd:', '%ProgramData%', '\\\\server'),
        fc.array(fc.stringMatching(/^[\w .$~-]{1,8}$/), { minLength: 1, maxLength: 4 }),
      )
      .map(([root, parts]) => `${root}\\${parts.join('\\')}\\`);
    fc.assert(
      fc.property(folder, fc.constantFrom('flow', 'block'), (path, style) => {
        const list = style === 'flow' ? [`  paths: ["${path}", x.exe]`] : ['  paths:', `    - "${path}"`, '    - x.exe'];
        const result = loadScenario(yaml(MINIMAL, 'exclusions:', ...list), 'f.yaml');
        return (
          !result.ok &&
          result.issues.length === 1 &&
          result.issues[0]?.hint === `use single quotes, where backslashes are plain characters: '${path}'`
        );
      }),
      { numRuns: 150 },
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
