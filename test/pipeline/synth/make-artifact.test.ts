import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../../engine/core/artifact.ts';
import { PLACE_OPENERS } from '../../../engine/core/artifact-key.ts';
import { CATALOG } from '../../../engine/pipeline/synth/compile-catalog.ts';
import { generateArtifacts } from '../../../engine/pipeline/synth/index.ts';
import { SPEC } from './spec-fixture.ts';

const MIXED = {
  ...SPEC,
  count: 20_000,
  mix: { malicious: 3, pua: 1, benign: 6 },
  detection: { primaryAv: 0.7, mdav: 0.95, edr: 0.4 },
};
const share = (items: readonly Artifact[], test: (a: Artifact) => boolean): number => items.filter(test).length / items.length;

// 20,000 draws from fixed seeds: a share's standard error is below 0.004, so 0.02 is over five of them.
const TOLERANCE = 0.02;

describe('makeArtifact (via generateArtifacts)', () => {
  for (const seed of [1, 7, 42]) {
    const artifacts = [...generateArtifacts(MIXED, { seed })];
    const flagged = artifacts.filter((a) => a.class !== 'benign');

    it(`should draw classes in the normalised mix proportions (seed ${seed})`, () => {
      expect(share(artifacts, (a) => a.class === 'malicious')).toBeCloseTo(0.3, 1);
      expect(Math.abs(share(artifacts, (a) => a.class === 'malicious') - 0.3)).toBeLessThan(TOLERANCE);
      expect(Math.abs(share(artifacts, (a) => a.class === 'pua') - 0.1)).toBeLessThan(TOLERANCE);
      expect(Math.abs(share(artifacts, (a) => a.class === 'benign') - 0.6)).toBeLessThan(TOLERANCE);
    });

    it(`should flag malicious and PUA artifacts per engine with the detection chances (seed ${seed})`, () => {
      expect(Math.abs(share(flagged, (a) => a.signals.primaryAv) - 0.7)).toBeLessThan(TOLERANCE);
      expect(Math.abs(share(flagged, (a) => a.signals.mdav) - 0.95)).toBeLessThan(TOLERANCE);
      expect(Math.abs(share(flagged, (a) => a.signals.edr) - 0.4)).toBeLessThan(TOLERANCE);
      // Independence: both flags together at the product of their chances.
      expect(Math.abs(share(flagged, (a) => a.signals.primaryAv && a.signals.edr) - 0.28)).toBeLessThan(TOLERANCE);
    });

    it(`should never flag a benign artifact (seed ${seed})`, () => {
      const benign = artifacts.filter((a) => a.class === 'benign');
      expect(benign.length).toBeGreaterThan(0);
      expect(benign.every((a) => !a.signals.primaryAv && !a.signals.mdav && !a.signals.edr)).toBe(true);
    });
  }

  const artifacts = [...generateArtifacts(MIXED, { seed: 7 })];

  it('should flag always at chance 1 and never at chance 0', () => {
    const sure = [
      ...generateArtifacts({ ...MIXED, count: 2_000, detection: { primaryAv: 1, mdav: 0, edr: 1 } }, { seed: 3 }),
    ].filter((a) => a.class !== 'benign');
    expect(sure.every((a) => a.signals.primaryAv && !a.signals.mdav && a.signals.edr)).toBe(true);
  });

  it('should generate only the classes with a positive weight', () => {
    const onlyPua = [...generateArtifacts({ ...MIXED, count: 2_000, mix: { malicious: 0, pua: 1, benign: 0 } }, { seed: 3 })];
    expect(onlyPua.every((a) => a.class === 'pua')).toBe(true);
  });

  it('should make files mostly on access, with some scheduled and on-demand scans', () => {
    const files = artifacts.filter((a) => a.kind === 'file');
    expect(share(artifacts, (a) => a.kind === 'file')).toBeGreaterThan(0.6);
    expect(Math.abs(share(files, (a) => a.trigger === 'on-access') - 0.85)).toBeLessThan(TOLERANCE);
    expect(Math.abs(share(files, (a) => a.trigger === 'scheduled-scan') - 0.1)).toBeLessThan(TOLERANCE);
    expect(Math.abs(share(files, (a) => a.trigger === 'on-demand-scan') - 0.05)).toBeLessThan(TOLERANCE);
  });

  it('should give scans a scan type and no opening process (§4.4 #30), and everything else a process', () => {
    const isScan = (a: Artifact): boolean => a.trigger === 'scheduled-scan' || a.trigger === 'on-demand-scan';
    expect(artifacts.filter((a) => (a.scanType === undefined) === isScan(a))).toEqual([]);
    expect(artifacts.filter((a) => (a.process === undefined) !== isScan(a))).toEqual([]);
    const scheduled = artifacts.filter((a) => a.trigger === 'scheduled-scan');
    expect(share(scheduled, (a) => a.scanType === 'quick')).toBeGreaterThan(0.6);
  });

  it('should trigger behaviour artifacts by behaviour and name malicious ones Behavior:Win32/<Tactic>.*!ml (§3.1)', () => {
    const behaviors = artifacts.filter((a) => a.kind === 'behavior');
    expect(behaviors.length).toBeGreaterThan(0);
    expect(behaviors.every((a) => a.trigger === 'behavior')).toBe(true);
    const tactics =
      /^Behavior:Win32\/(InitialAccess|Execution|Persistence|PrivilegeEscalation|DefenseEvasion|CredentialAccess|Discovery|LateralMovement|Collection|CommandAndControl|Exfiltration|Impact|Generic)\.[A-Z]!ml$/;
    expect(behaviors.filter((a) => a.class === 'malicious' && !tactics.test(a.threat ?? '')).map((a) => a.threat)).toEqual([]);
    expect(artifacts.filter((a) => a.kind !== 'behavior').every((a) => a.trigger !== 'behavior')).toBe(true);
  });

  it('should name threats in Defender style per class, and give benign artifacts none', () => {
    const style = {
      benign: (threat?: string) => threat === undefined,
      pua: (threat?: string) => /^PUA(Bundler|DlManager)?:Win32\/\w+/.test(threat ?? ''),
      malicious: (threat?: string) =>
        /^(Trojan|TrojanDownloader|Ransom|Backdoor|HackTool|Behavior):(Win32|O97M|JS|HTML|PowerShell|ASP)\/[\w.]+(![A-Za-z]+)?$/.test(
          threat ?? '',
        ),
    };
    expect(artifacts.filter((a) => !style[a.class](a.threat)).map((a) => `${a.class} ${a.threat}`)).toEqual([]);
    for (const prefix of ['Trojan:Win32/', 'Ransom:Win32/', 'PUA:Win32/', 'Behavior:Win32/'])
      expect(artifacts.some((a) => a.threat?.startsWith(prefix))).toBe(true);
  });

  it('should give malicious artifacts an ATT&CK technique and others none', () => {
    expect(artifacts.filter((a) => a.class !== 'malicious' && a.technique !== undefined)).toEqual([]);
    // §3.1: `Generic` is the uncategorised behaviour, so it has no technique.
    const categorised = artifacts.filter((a) => a.class === 'malicious' && !a.threat?.startsWith('Behavior:Win32/Generic'));
    expect(categorised.filter((a) => !/^T1\d{3}(\.\d{3})?$/.test(a.technique ?? '')).map((a) => a.threat)).toEqual([]);
  });

  it('should carry sha256, sha1 and md5 in lowercase hex, one of each per file identity', () => {
    expect(artifacts.every((a) => /^[0-9a-f]{64}$/.test(a.sha256 ?? ''))).toBe(true);
    expect(artifacts.every((a) => /^[0-9a-f]{40}$/.test(a.sha1 ?? ''))).toBe(true);
    expect(artifacts.every((a) => /^[0-9a-f]{32}$/.test(a.md5 ?? ''))).toBe(true);
    // The same file on many devices keeps its hashes (a fleet shares chrome.exe builds); a sha256 never
    // shows up with two different md5s, and a path's file name with two different sha256 families.
    const md5BySha = new Map<string, Set<string>>();
    for (const a of artifacts) md5BySha.set(a.sha256 ?? '', (md5BySha.get(a.sha256 ?? '') ?? new Set()).add(a.md5 ?? ''));
    expect([...md5BySha.values()].every((set) => set.size === 1)).toBe(true);
    expect(md5BySha.size).toBeLessThan(artifacts.length);
    expect(md5BySha.size).toBeGreaterThan(1_000);
  });

  it('should sign some benign files with a fixed vendor thumbprint and never sign malware', () => {
    const signed = artifacts.filter((a) => a.certificate !== undefined);
    expect(
      share(
        artifacts.filter((a) => a.class === 'benign'),
        (a) => a.certificate !== undefined,
      ),
    ).toBeGreaterThan(0.1);
    expect(signed.every((a) => /^[0-9a-f]{40}$/.test(a.certificate ?? ''))).toBe(true);
    expect(signed.filter((a) => a.class === 'malicious').every((a) => a.kind === 'behavior')).toBe(true);
    const system32 = signed.filter((a) => a.path === 'C:\\Windows\\System32\\svchost.exe');
    expect(new Set(system32.map((a) => a.certificate)).size).toBeLessThanOrEqual(1);
  });

  it('should use realistic Windows paths: drive-rooted or UNC, user profiles, and the §4.4 opener processes', () => {
    expect(artifacts.every((a) => /^([A-Z]:\\|\\\\[\w-]+\\)/.test(a.path))).toBe(true);
    expect(artifacts.some((a) => /^C:\\Users\\[\w.]+\\Downloads\\/.test(a.path))).toBe(true);
    expect(artifacts.some((a) => /^C:\\Users\\[\w.]+\\AppData\\Local\\Temp\\/.test(a.path))).toBe(true);
    expect(artifacts.some((a) => a.path.startsWith('\\\\fs01\\'))).toBe(true);
    const processes = new Set(artifacts.map((a) => a.process?.slice(a.process.lastIndexOf('\\') + 1).toLowerCase()));
    for (const image of [
      'explorer.exe',
      'outlook.exe',
      'winword.exe',
      'powershell.exe',
      'cmd.exe',
      'wscript.exe',
      'msedge.exe',
      'chrome.exe',
      'svchost.exe',
      'agent.exe',
    ]) {
      expect(processes).toContain(image);
    }
  });

  it('should keep one user per device, so its profile paths name the same user', () => {
    for (const device of MIXED.devices) {
      const users = new Set(
        artifacts
          .filter((a) => a.device === device && a.path.startsWith('C:\\Users\\') && !a.path.startsWith('C:\\Users\\Public'))
          .map((a) => a.path.split('\\')[2]),
      );
      expect(users.size).toBe(1);
    }
  });

  it('should give server devices server workloads (SQL data, IIS, backups) and no workstation downloads', () => {
    const spec = { ...MIXED, count: 4_000, os: ['windows-11', 'windows-10', 'server-2019', 'server-2022'] as const };
    const all = [...generateArtifacts(spec, { seed: 7 })];
    const servers = all.filter((a) => a.device === 'ws-03' || a.device === 'srv-01');
    const workstations = all.filter((a) => a.device === 'ws-01' || a.device === 'ws-02');
    expect(servers.some((a) => a.path.startsWith('D:\\SQLData\\'))).toBe(true);
    expect(servers.some((a) => a.path.startsWith('C:\\inetpub\\'))).toBe(true);
    expect(servers.some((a) => a.path.includes('\\Downloads\\'))).toBe(false);
    expect(workstations.some((a) => a.path.startsWith('D:\\SQLData\\'))).toBe(false);
  });
});

describe('makeArtifact: ArtifactKey.place and cell', () => {
  const devices = Array.from({ length: 40 }, (_, i) => (i % 5 === 4 ? `srv-${i}` : `ws-${i}`));
  const artifacts = [...generateArtifacts({ ...MIXED, devices, count: 30_000 }, { seed: 3 })];
  const content = (a: Artifact, opener: boolean): string =>
    `${a.key?.segments.join('\\')}|${a.key?.name}|${opener ? `${a.key?.opener?.segments.join('\\')}|${a.key?.opener?.name}` : ''}`;
  const sameContentPer = (part: (place: number) => number, opener: boolean): { groups: number; repeats: number } => {
    const seen = new Map<number, string>();
    let repeats = 0;
    for (const artifact of artifacts) {
      const place = part(artifact.key?.place ?? -1);
      const known = seen.get(place);
      if (known === undefined) seen.set(place, content(artifact, opener));
      else {
        repeats++;
        expect(content(artifact, opener), `place ${place}`).toBe(known);
      }
    }
    return { groups: seen.size, repeats };
  };

  it('should give equal content (segments, name, opener) to artifacts of equal place, and equal path to equal path part', () => {
    expect(artifacts.every((a) => Number.isSafeInteger(a.key?.place) && (a.key?.place ?? -1) >= 0)).toBe(true);
    const whole = sameContentPer((place) => place, true);
    const path = sameContentPer((place) => place - (place % PLACE_OPENERS), false);
    // The check met repeats: the stream revisits places, and the path part groups more than the whole place.
    expect(whole.repeats).toBeGreaterThan(500);
    expect(path.groups).toBeLessThan(whole.groups);
  });

  it('should give equal hashes and certificate to artifacts of one cell (ArtifactKey.cell), one cell per catalog line', () => {
    const facts = (a: Artifact): string => `${a.key?.sha256}|${a.key?.sha1}|${a.key?.md5}|${a.key?.certificate}`;
    const seen = new Map<unknown, string>();
    const wrong: string[] = [];
    for (const artifact of artifacts) {
      const cell = artifact.key?.cell;
      const known = seen.get(cell);
      if (known === undefined) seen.set(cell, facts(artifact));
      else if (facts(artifact) !== known) wrong.push(`${artifact.id}: ${facts(artifact)} in a cell of ${known}`);
    }
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(seen.has(undefined)).toBe(false);
    // Cells repeat (the stream revisits lines), and many lines were met.
    expect(seen.size).toBeGreaterThan(1_000);
    expect(seen.size).toBeLessThan(artifacts.length / 2);
  });

  it('should number openers by content across the catalog, below PLACE_OPENERS', () => {
    const numbers = new Map<string, number>();
    for (const template of [...CATALOG.workstation.flat(), ...CATALOG.server.flat()])
      template.openers.forEach((opener, index) => {
        const number = template.openerPlaces[index]!;
        expect(number).toBe(numbers.get(opener) ?? number);
        numbers.set(opener, number);
      });
    expect(new Set(numbers.values()).size).toBe(numbers.size);
    expect(Math.min(...numbers.values())).toBeGreaterThanOrEqual(1);
    expect(Math.max(...numbers.values())).toBe(CATALOG.openers);
    expect(CATALOG.openers).toBeLessThan(PLACE_OPENERS);
  });

  it("should stay an exact integer for the catalog's maxima (slot, identity, opener), times the memo's codes", () => {
    const slots = CATALOG.profilePaths.length;
    const largest = (slots * CATALOG.identities + CATALOG.identities - 1) * PLACE_OPENERS + PLACE_OPENERS - 1;
    expect(slots).toBe(CATALOG.profileSegments.length);
    // The memo multiplies by at most 4 triggers × 3 scan types × 3 folder flags.
    expect(Number.isSafeInteger(largest * 36 + 35)).toBe(true);
    expect(largest).toBeLessThan(2 ** 31);
  });
});
