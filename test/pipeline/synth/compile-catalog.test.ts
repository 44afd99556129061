import { describe, expect, it } from 'vitest';
import { KIND_SHARES } from '../../../engine/pipeline/synth/catalog.ts';
import { PROFILE_FOLDERS } from '../../../engine/pipeline/synth/catalog-places.ts';
import { canonicalPath } from '../../../engine/core/canonical-path.ts';
import { CATALOG, compileCatalog, variantName, type Template } from '../../../engine/pipeline/synth/compile-catalog.ts';
import { IDENTITY_CAPACITY } from '../../../engine/pipeline/synth/hash-tape.ts';

const CLASSES = ['malicious', 'pua', 'benign'] as const;
const everyTemplate = (): Template[] => [...CATALOG.workstation.flat(), ...CATALOG.server.flat()];

describe('compileCatalog', () => {
  it('should fit every file identity on the hash tapes', () => {
    expect(CATALOG.identities).toBeGreaterThan(0);
    expect(CATALOG.identities).toBeLessThanOrEqual(IDENTITY_CAPACITY);
  });

  it('should give every line a power-of-two variant count a 16-bit draw can pick evenly', () => {
    const counts = everyTemplate().map((t) => t.group.variants);
    expect(counts.filter((n) => !Number.isInteger(Math.log2(n)) || n > 65_536)).toEqual([]);
  });

  it('should be deterministic', () => {
    const again = compileCatalog();
    expect(again.identities).toBe(CATALOG.identities);
    expect(again.profilePaths).toEqual(CATALOG.profilePaths);
    expect(again.workstation.map((list) => list.map((t) => [t.head, t.certificate]))).toEqual(
      CATALOG.workstation.map((list) => list.map((t) => [t.head, t.certificate])),
    );
  });

  it("should number each distinct opener once, its path and shared key at that number (a generated artifact's opener)", () => {
    expect(CATALOG.openerPaths).toHaveLength(CATALOG.openers + 1);
    expect([CATALOG.openerPaths[0], CATALOG.openerKeys[0]]).toEqual([undefined, undefined]);
    for (const template of everyTemplate()) {
      template.openers.forEach((opener, i) => {
        const number = template.openerPlaces[i]!;
        expect(CATALOG.openerPaths[number]).toBe(opener);
        expect(CATALOG.openerKeys[number]).toBe(template.openerKeys[i]);
      });
    }
    expect(new Set(CATALOG.openerPaths).size).toBe(CATALOG.openerPaths.length);
  });

  it('should have templates for every class and kind a profile can draw', () => {
    for (const table of [CATALOG.workstation, CATALOG.server]) {
      CLASSES.forEach((cls, c) => {
        KIND_SHARES[cls].forEach((kindShare, kind) => {
          if (kindShare > 0) expect(table[c * 3 + kind]?.length, `${cls} kind ${kind}`).toBeGreaterThan(0);
        });
      });
    }
  });

  it('should resolve every opener to a full image path', () => {
    const openers = new Set(everyTemplate().flatMap((t) => t.openers));
    expect([...openers].filter((path) => !/^C:\\.+\.exe$/i.test(path))).toEqual([]);
  });

  it('should generate only canonical paths and openers, so no artifact needs canonicalising (contract §5.1)', () => {
    const paths = everyTemplate().flatMap((t) =>
      [0, 1, 2].flatMap((variant) => {
        const name = variantName(t, variant);
        const full =
          t.folder < 0
            ? [name]
            : CATALOG.profilePaths.filter((_, i) => i % PROFILE_FOLDERS.length === t.folder).map((folder) => `${folder}${name}`);
        return [...full, ...t.openers];
      }),
    );
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((path) => canonicalPath(path) !== path)).toEqual([]);
  });

  it('should give one path one set of files: same identities, same signer', () => {
    const seen = new Map<string, Template>();
    for (const template of everyTemplate()) {
      const key = `${template.folder}|${template.head}${template.mark}${template.tail}`;
      const first = seen.get(key) ?? template;
      seen.set(key, first);
      expect(template.group, key).toBe(first.group);
      expect(template.certificate, key).toBe(first.certificate);
    }
  });

  it('should never sign a malicious file or process, only behaviours of signed system binaries', () => {
    CATALOG.workstation.concat(CATALOG.server).forEach((list, index) => {
      if (index % 9 < 2) expect(list.filter((t) => t.certificate !== undefined).map((t) => t.head)).toEqual([]);
    });
  });

  it('should name behaviour threats with the §3.1 tactics and give techniques as ATT&CK ids', () => {
    const behaviours = everyTemplate().filter((t) => t.kind === 'behavior' && t.threats[0] !== undefined);
    const tactics = new Set(behaviours.map((t) => /^Behavior:Win32\/(\w+)\.A!ml$/.exec(t.threats[0] ?? '')?.[1]));
    expect([...tactics].sort()).toEqual([
      'Collection',
      'CommandAndControl',
      'CredentialAccess',
      'DefenseEvasion',
      'Discovery',
      'Execution',
      'Exfiltration',
      'Generic',
      'Impact',
      'InitialAccess',
      'LateralMovement',
      'Persistence',
      'PrivilegeEscalation',
    ]);
    const techniques = everyTemplate().flatMap((t) => (t.technique === undefined ? [] : [t.technique]));
    expect(techniques.filter((id) => !/^T1\d{3}(\.\d{3})?$/.test(id))).toEqual([]);
  });

  it('should pair the techniques behavioural blocking is documented to stop with their tactic (§3.1)', () => {
    const pairs = new Set(
      everyTemplate().map((t) => `${/Behavior:Win32\/(\w+)\./.exec(t.threats[0] ?? '')?.[1]} ${t.technique}`),
    );
    for (const pair of [
      'CredentialAccess T1003.001',
      'PrivilegeEscalation T1055',
      'DefenseEvasion T1055.012',
      'PrivilegeEscalation T1548.002',
      'DefenseEvasion T1562.001',
      'CommandAndControl T1105',
      'Impact T1496',
      'Persistence T1542.003',
      'LateralMovement T1550.002',
      'DefenseEvasion T1553.004',
      'Execution T1059.001',
      'Impact T1486',
      'Persistence T1547.001',
    ]) {
      expect(pairs).toContain(pair);
    }
  });

  it('should build profile folders under C:\\Users\\<user>\\ for workstation and server users', () => {
    expect(CATALOG.profilePaths).toContain('C:\\Users\\alice\\Downloads\\');
    expect(CATALOG.profilePaths).toContain('C:\\Users\\svc_sql\\AppData\\Local\\Temp\\');
    expect(CATALOG.profilePaths.every((path) => path.startsWith('C:\\Users\\') && path.endsWith('\\'))).toBe(true);
  });
});

describe('variantName', () => {
  const invoice = CATALOG.workstation[0]?.find((t) => t.head === 'Invoice_') as Template;
  const temp = CATALOG.workstation[2 * 3]?.find((t) => t.head === 'C:\\Windows\\Temp\\') as Template;

  it('should expand # to a 5-digit number and $ to 8 hex digits, fixed per variant', () => {
    expect(variantName(invoice, 3)).toMatch(/^Invoice_\d{5}\.exe$/);
    expect(variantName(invoice, 3)).toBe(variantName(invoice, 3));
    expect(variantName(temp, 0)).toMatch(/^C:\\Windows\\Temp\\[0-9A-F]{8}\.tmp$/);
  });

  it('should give different variants different names', () => {
    const names = new Set(Array.from({ length: 64 }, (_, v) => variantName(invoice, v)));
    expect(names.size).toBeGreaterThan(60);
  });
});
