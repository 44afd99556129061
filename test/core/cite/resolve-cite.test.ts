// The citation registry: every kind of cite key to its label, titles and links (issue 14).
import { describe, expect, it } from 'vitest';
import { CITE_SOURCES } from '../../../engine/core/cite/cite-sources.ts';
import { REFERENCE_CASES, REFERENCE_CONFLICTS } from '../../../engine/core/cite/reference-cases.ts';
import { MATCHING_EXAMPLES, REFERENCE_SECTIONS } from '../../../engine/core/cite/reference-sections.ts';
import { citeParts, resolveCite } from '../../../engine/core/cite/resolve-cite.ts';

const EDR_BM = 'https://learn.microsoft.com/en-us/defender-endpoint/edr-in-block-mode';

describe('resolveCite — a § section', () => {
  it('should give §3.8 its heading, the page title and the Learn link of edr-in-block-mode.md', () => {
    const cite = resolveCite('§3.8');
    expect(cite).toMatchObject({
      key: '§3.8',
      label: '§3.8 Interplay with exclusions and indicators',
      title: 'Endpoint detection and response in block mode',
      url: EDR_BM,
    });
    expect(cite?.sources.map((source) => source.source)).toEqual(['edr-bm', 'edr-faq', 'ext-excl']);
  });

  it('should give a top-level section what its subsections cite', () => {
    const sources = resolveCite('§3')?.sources.map((source) => source.source) ?? [];
    expect(sources).toEqual(expect.arrayContaining(['edr-bm', 'edr-faq', 'CSP', 'bbc']));
  });

  it('should resolve a §4.4 worked example to its row basis, and §2.1 note 3 to its section', () => {
    expect(resolveCite('§4.4 #29')?.sources.map((source) => source.source)).toEqual(['proc-excl']);
    expect(resolveCite('§4.4 #3')?.sources.map((source) => source.kind)).toEqual(['inference']);
    expect(resolveCite('§2.1 note 3')?.label).toBe('§2.1 Current table (compat, 2024/2025 versions), note 3');
  });

  it('should resolve a contradiction named inside a section (§7 C1) to the contradiction', () => {
    const cite = resolveCite('§7 C1');
    expect(cite?.label).toContain('C1 Server 2016 + EDR-BM');
    expect(cite?.sources.map((source) => source.source)).toEqual([
      'edr-bm-2021b',
      'edr-bm-2021c',
      'edr-bm',
      'edr-faq',
      'onboard-srv',
    ]);
    // A current page is the first link (a SARIF helpUri), not an archived copy.
    expect(cite?.url).toBe(EDR_BM);
  });
});

describe('resolveCite — test cases, contradictions, sources', () => {
  it('should resolve T33 to §8.3 and its row sources', () => {
    expect(resolveCite('T33')).toMatchObject({ label: 'T33 (§8.3 EDR-BM verdicts with exclusions and indicators)', url: EDR_BM });
  });

  it('should resolve C7 to its topic and both statements sources', () => {
    const cite = resolveCite('C7');
    expect(cite?.label).toBe('C7 RTP in passive mode (§7.1 contradictions)');
    expect(cite?.sources.map((source) => source.source)).toEqual(['compat', 'edr-bm']);
  });

  it('should resolve a source key and a list of keys, each source once', () => {
    expect(resolveCite('ioc-manage')?.url).toBe('https://learn.microsoft.com/en-us/defender-endpoint/indicator-manage');
    expect(resolveCite('CSP')?.url).toBe('https://learn.microsoft.com/en-us/windows/client-management/mdm/defender-csp');
    const both = resolveCite('§3.9, §3.10');
    const keys = both?.sources.map((source) => source.source) ?? [];
    expect(new Set(keys).size).toBe(keys.length);
    expect(both?.label).toContain('; §3.10 TVM');
  });

  it('should give an archived version its GitHub path, commit and date, and a copy without a path no link', () => {
    expect(resolveCite('edr-bm-2021b')?.sources[0]).toEqual({
      source: 'edr-bm-2021b',
      kind: 'archived',
      title: 'edr-in-block-mode.md (archived version of 05/06/2021)',
      url: 'https://github.com/MicrosoftDocs/microsoft-365-docs/blob/72b3fe195deb8ba1ec77c821d73bb56b502d099d/microsoft-365/security/defender-endpoint/edr-in-block-mode.md',
    });
    expect(resolveCite('edr-bm-2022')?.url).toBeUndefined();
    expect(CITE_SOURCES['compat-2021']).toMatchObject({ kind: 'archived', date: '08/05/2021' });
  });

  it('should label an inference and community notes without a link', () => {
    expect(resolveCite('[inference]')).toMatchObject({ label: '[inference]', sources: [{ kind: 'inference' }] });
    expect(resolveCite('[inference]')?.url).toBeUndefined();
    expect(resolveCite('community')?.sources[0]).not.toHaveProperty('url');
  });

  it.each(['', ' ', '§99', '§3.8 #2', '§4.4 #99', '§3.8 bogus', 'T99', 'C99', 'edr', 'EDR-BM', '§3.8, nope'])(
    'should not resolve %j',
    (key) => {
      expect(resolveCite(key)).toBeUndefined();
    },
  );

  it('should split a cite list on commas and semicolons', () => {
    expect(citeParts('§2.1 note 3, C6; T19 ,')).toEqual(['§2.1 note 3', 'C6', 'T19']);
  });
});

describe('the registry data', () => {
  const used = [
    ...Object.values(REFERENCE_SECTIONS).flatMap((section) => section.sources),
    ...Object.values(REFERENCE_CASES).flatMap((test) => test.sources),
    ...Object.values(REFERENCE_CONFLICTS).flatMap((conflict) => conflict.sources),
    ...Object.values(MATCHING_EXAMPLES).flat(),
  ];

  it('should know every source key its sections, cases, conflicts and examples cite', () => {
    expect(used.filter((key) => !Object.hasOwn(CITE_SOURCES, key))).toEqual([]);
  });

  it('should hold T01–T88, C1–C23 and §4.4 examples 1–48, each citing at least one source', () => {
    const ids = (prefix: string, count: number, pad: number) =>
      Array.from({ length: count }, (_, at) => `${prefix}${String(at + 1).padStart(pad, '0')}`);
    expect(Object.keys(REFERENCE_CASES)).toEqual(ids('T', 88, 2));
    expect(Object.keys(REFERENCE_CONFLICTS)).toEqual(ids('C', 23, 1));
    expect(Object.keys(MATCHING_EXAMPLES)).toEqual(ids('', 48, 1));
    for (const entry of [...Object.values(REFERENCE_CASES), ...Object.values(REFERENCE_CONFLICTS)])
      expect(entry.sources.length).toBeGreaterThan(0);
  });

  it('should link every current page to learn.microsoft.com without a file extension, and title it', () => {
    for (const [key, source] of Object.entries(CITE_SOURCES)) {
      if (source.kind !== 'page') continue;
      expect(source.url, key).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\/[a-z0-9/-]+(\?view=graph-rest-1\.0)?$/);
      expect(source.title.length, key).toBeGreaterThan(3);
    }
  });
});
