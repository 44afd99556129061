/** A scenario whose every user string attacks the classroom's HTML: tags, attribute breakouts, script links. */
import { yaml } from '../scenario/scenario-text.ts';

/** The strings each classroom renderer must show as text. */
export const ATTACKS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '[click](javascript:alert(1))',
  '<style>*{display:none}</style>',
] as const;

/** The device's name: an attribute breakout. */
export const DEVICE = 'ws-01"><img src=x onerror=alert(1)>';
const YAML_DEVICE = JSON.stringify(DEVICE);

/** The first artifact's id: a tag. */
export const ARTIFACT = 'a1<svg onload=alert(1)>';

/**
 * A passive device with EDR in block mode, an exclusion and an Allow indicator, an artifact the exclusion lets
 * through and one block mode remediates, and a device question: every picture is drawn. Hostile text sits in the
 * name, the description (before and after "What to notice"), the exclusion, the paths and the cites.
 */
export const CLASSROOM_HOSTILE = yaml(
  `name: ${JSON.stringify(ATTACKS.join(' '))}`,
  'description: |',
  `  **Situation.** ${ATTACKS.join(' and ')} [ok](https://learn.microsoft.com/x?a=1&b="2")`,
  '',
  `  **What to notice.** ${ATTACKS.join(' ')} [data](data:text/html,<script>alert(1)</script>)`,
  `  - item ${ATTACKS[1]}`,
  'devices:',
  `  - { name: ${YAML_DEVICE}, os: windows-11, primaryAv: non-microsoft }`,
  'tenant: { edrBlockMode: true, allowOrBlockFile: true }',
  'exclusions:',
  `  paths: ['C:\\Temp\\"><img src=x onerror=alert(1)>\\']`,
  'indicators:',
  "  - { type: FileSha256, value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', action: Allowed, title: '<script>alert(1)</script>' }",
  'timeline:',
  '  - at: 5m',
  '    artifact:',
  `      id: ${JSON.stringify(ARTIFACT)}`,
  `      device: ${YAML_DEVICE}`,
  '      class: malicious',
  '      kind: file',
  `      path: 'C:\\Temp\\"><img src=x onerror=alert(1)>\\<script>alert(1)</script>.exe'`,
  '      trigger: on-access',
  '      signals: { primaryAv: miss, mdav: detect, edr: detect }',
  '  - at: 6m',
  '    artifact:',
  '      id: a2',
  `      device: ${YAML_DEVICE}`,
  '      class: malicious',
  '      kind: file',
  "      path: 'C:\\Users\\x\\<svg onload=alert(1)>.exe'",
  "      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'",
  '      trigger: on-access',
  '      signals: { primaryAv: miss, mdav: detect, edr: detect }',
  'expect:',
  `  - artifact: ${JSON.stringify(ARTIFACT)}`,
  '    outcome: detected',
  '    detectionStatus: Detected',
  '    actionCenter: false',
  `    cite: ${JSON.stringify(ATTACKS[1])}`,
  '  - artifact: a2',
  '    outcome: blocked',
  '    cite: "§3.8"',
  `  - device: ${YAML_DEVICE}`,
  '    at: 10m',
  '    runningMode: EDR Block Mode',
);
