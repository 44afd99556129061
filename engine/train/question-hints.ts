/** Two hints per classroom question, from general to specific, that point at what decides without saying the answer. */
import { formatDuration } from '../core/duration.ts';
import type { Trigger } from '../core/vocabulary.ts';
import { CompactVerdict } from '../pipeline/compact-verdict.ts';
import type { Question, QuestionField } from './question.ts';
import { questionSubject, type RevealContext } from './question-subject.ts';

// What decides each kind of answer, in the reference's terms (§1.1 layer order, §6.6 statuses, §6.2, §1.2).
const GENERAL: Readonly<Record<QuestionField, string>> = {
  outcome:
    'Walk the layers in order: primary AV, Defender Antivirus, the EDR sensor, EDR in block mode. The first layer that stops it decides; an alert on its own stops nothing.',
  detectionStatus:
    'The portal status depends on which layer acted and when: stopped before it ran, remediated after it ran, an alert with nothing done, or no record at all.',
  actionCenter:
    'Action Center History lists remediations completed by Defender Antivirus or by EDR in block mode; an indicator block or an alert alone does not add one.',
  runningMode:
    "AMRunningMode follows Defender Antivirus's mode on the device, and EDR in block mode changes what a device that is not the primary antivirus reports.",
  // AIR (§6.5): worded without the choices' own words, which statesAnswer would otherwise replace.
  entryTab:
    "An automated investigation's action either waits for an analyst or is taken at once: the device group's automation level, the evidence's verdict and the folder the file is in decide.",
  entryStatus:
    'An action awaiting approval ends once: approved, turned down, or expired after 7 days; a taken action may still be reversed later by an analyst.',
  investigationState:
    'An investigation stays open while any of its actions awaits a decision; it closes by how its actions ended, with no threats found, or cannot run at all on an OS off the AIR list or without Defender Antivirus.',
};

// What looks at the artifact first: passive mode scans only on scan triggers (§2.1), exclusion scope depends on it (§4.1).
const TRIGGER_TEXT: Readonly<Record<Trigger, string>> = {
  'on-access': 'It is opened or run: real-time protection sees it on access.',
  'scheduled-scan': 'A scheduled scan reaches it.',
  'on-demand-scan': 'An on-demand scan reaches it.',
  behavior: 'It shows as behaviour: behaviour monitoring and EDR telemetry see it.',
};

const FALLBACK = 'Read the fleet table and the policy of the situation again, then walk the layers one at a time.';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when `hint` states `answer`: the answer's words, in order, as whole words, whatever the case.
 *
 * @example
 * statesAnswer('it is Passive mode here', 'Passive Mode'); // true
 * statesAnswer('block mode', 'blocked'); // false
 */
export function statesAnswer(hint: string, answer: string): boolean {
  const words = answer.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  return words !== '' && new RegExp(`(?<![\\w-])${words}(?![\\w-])`, 'i').test(hint);
}

/**
 * Two hints for a question, general first (what decides this kind of answer), then specific (the facts of this
 * subject that matter: the device's mode and block-mode state, a matching exclusion or indicator, the trigger).
 * Plain text (the page escapes it). A hint that would state the engine's answer (say, a device named after one)
 * is replaced by a neutral one: hints never give the answer away.
 *
 * @example
 * questionHints(question, context).length; // 2
 */
export function questionHints(question: Question, context: RevealContext): readonly string[] {
  const hints = [GENERAL[question.field], specific(question, context)];
  return hints.map((hint) => (statesAnswer(hint, question.expected) ? FALLBACK : hint));
}

function specific(question: Question, context: RevealContext): string {
  const subject = questionSubject(question, context);
  // AIR questions keep the general hint's words: the subject's level and folder rule would all but name the tab.
  if (subject === undefined || subject.kind === 'air') return FALLBACK;
  if (subject.kind === 'device') {
    const config = subject.state.config;
    const primary =
      config.primaryAv === 'defender' ? 'Defender is its primary antivirus' : 'a non-Microsoft antivirus is installed';
    return `Look at ${config.name} at ${formatDuration(subject.at)}: ${primary}, it is ${config.onboarded ? '' : 'not '}onboarded; check what forces a mode there and whether EDR in block mode is switched on and effective at that time.`;
  }
  const verdict = subject.verdict;
  const state = context.deviceAt(verdict.device, verdict.at);
  const parts: string[] = [];
  if (state !== undefined)
    parts.push(
      `On ${verdict.device} at ${formatDuration(verdict.at)}, Defender Antivirus is ${state.mode} and EDR in block mode is ${state.edrBlockMode.effective ? 'effective' : 'not effective'}.`,
    );
  const excluded = verdict.reasons.some(
    (r) => r.layer === 'exclusion' || r.code === 'honours-exclusion' || r.code === 'excluded',
  );
  if (excluded) parts.push('An exclusion entry matches it: which layers honour MDAV exclusions, and which do not?');
  const indicator =
    verdict.reasons.some((r) => r.layer === 'indicator' && r.code.startsWith('ioc-')) ||
    (verdict instanceof CompactVerdict && (verdict.indicator ?? verdict.ctx.indicators(verdict.source)) !== undefined);
  if (indicator) parts.push('An indicator matches it: which layers consult indicators, and in which mode?');
  if (verdict instanceof CompactVerdict) parts.push(TRIGGER_TEXT[verdict.source.trigger]);
  return parts.length === 0 ? FALLBACK : parts.join(' ');
}
