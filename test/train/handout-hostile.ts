/** A scenario written to attack a handout: script tags, a javascript: link and a mention in its name, description and paths. */
import { yaml } from '../scenario/scenario-text.ts';

/** Scenario text whose every user string tries HTML, Markdown-link and mention injection. */
export const HOSTILE = yaml(
  'name: "<script>alert(1)</script> [x](javascript:alert(1)) @mention"',
  'description: |',
  '  **Situation.** <script>alert(1)</script> and [click](javascript:alert(1)) for @mention.',
  '',
  '  **What to notice.** <img src=x onerror=alert(1)> @team',
  'devices:',
  '  - { name: ws-01, os: windows-11, primaryAv: non-microsoft }',
  'tenant: { edrBlockMode: true }',
  'exclusions:',
  "  paths: ['C:\\Temp\\<script>alert(1)</script>\\']",
  'timeline:',
  '  - at: 5m',
  '    artifact:',
  '      id: a1',
  '      device: ws-01',
  '      class: malicious',
  '      kind: file',
  "      path: 'C:\\Users\\x\\](javascript:alert(1))\\<script>alert(1)</script>@mention.exe'",
  '      trigger: on-access',
  '      signals: { primaryAv: miss, mdav: detect, edr: detect }',
  'expect:',
  '  - artifact: a1',
  '    outcome: blocked',
  '    detectionStatus: Blocked',
  '    cite: "§3.8"',
);
