/** The SARIF rules of edrsim's own findings: one per issue code, lint code and expectation kind, with fixed texts. */
import type { SarifLevel, SarifRule } from './sarif-input.ts';

type RuleText = Pick<SarifRule, 'shortDescription' | 'fullDescription' | 'help'> & { readonly cite?: string };

const EXCLUSION_LINT = 'An exclusion that loads and works, but is a mistake Microsoft lists:';

/** The lint findings (warnings that never make a file invalid) and the problems CI readers meet most, in words. */
const ISSUE_TEXT: Readonly<Record<string, RuleText>> = {
  exclusion_too_broad: {
    shortDescription: 'Exclusion covers a whole drive, share or system folder',
    fullDescription: `${EXCLUSION_LINT} it turns off scanning for everything below a drive, a network share or a system folder, where malware runs unseen.`,
    help: 'Exclude the specific file, process or data folder that needs it instead.',
    cite: 'excl-mistakes',
  },
  exclusion_temp_folder: {
    shortDescription: 'Exclusion covers a temp folder',
    fullDescription: `${EXCLUSION_LINT} temp folders are where malware is often dropped.`,
    help: 'Do not exclude temp folders; exclude the specific file that needs it.',
    cite: 'excl-mistakes',
  },
  exclusion_vendor_root: {
    shortDescription: 'Exclusion covers a whole vendor folder',
    fullDescription: `${EXCLUSION_LINT} a vendor's root folder under Program Files holds far more than the application that needs the exclusion.`,
    help: "Exclude the application's executable or data folder instead.",
    cite: 'excl-mistakes',
  },
  exclusion_user_profile_variable: {
    shortDescription: 'Exclusion uses a profile variable',
    fullDescription: `${EXCLUSION_LINT} a user-profile variable resolves to the system profile for the antivirus service, never to a user's profile.`,
    help: 'Write the real profile path, e.g. C:\\Users\\*\\Downloads.',
    cite: '§4.2',
  },
  exclusion_mapped_drive: {
    shortDescription: 'Exclusion on a mapped network drive',
    fullDescription: `${EXCLUSION_LINT} exclusions do not honour mapped drive letters.`,
    help: 'Use the network (UNC) path instead of the drive letter.',
    cite: '§4.4',
  },
  more_problems: {
    shortDescription: 'More problems in the file than are listed',
    fullDescription: 'A file has more problems than edrsim lists per file; the rest are counted, not listed.',
    help: 'Fix the listed problems first; later problems often repeat them.',
  },
  no_scenarios: {
    shortDescription: 'No scenario files found',
    fullDescription: 'The paths given name no scenario file (*.yaml, *.yml, *.json).',
    help: 'Name a scenario file or a folder that contains some.',
  },
  unknown_key: {
    shortDescription: 'Unknown key in a scenario',
    fullDescription: 'A key the scenario format does not have: a misspelling, or a key from another version of the format.',
    help: 'Use the key the message suggests; `edrsim schema` prints every key.',
  },
};

/** The expectation kinds of a scenario's `expect` and what each asserts. */
const EXPECTATION_TEXT: Readonly<Record<string, string>> = {
  artifact: "an artifact's verdict: its outcome, the layer that decided it, its detection status or its Action Center entry",
  device: "a device's Defender Antivirus mode, running mode or EDR in block mode state at a time",
  actionCenter: 'the number of Action Center entries matching a filter',
  alerts: 'the number of alerts matching a filter',
  recommendation: 'that a security recommendation is present or absent on a device',
  totals: 'the count or share of artifacts matching a filter',
  actionCenterEntry: "an Action Center entry's tab and status at a time, or that none exists (AIR, contract §5.4)",
  investigation: "an automated investigation's state at a time (AIR, contract §5.4)",
};

/**
 * The rule of an issue code (a load or validation problem, or a lint finding when `severity` is
 * `warning`): its id is the code, as `--format json` prints it. Codes without their own words get words
 * that fit every problem of their kind, so every code has a rule.
 *
 * @example
 * issueRule('exclusion_temp_folder', 'warning').level; // 'warning'
 */
export function issueRule(code: string, severity: 'error' | 'warning' = 'error'): SarifRule {
  const text = ISSUE_TEXT[code];
  const level: SarifLevel = severity === 'warning' ? 'warning' : 'error';
  if (text !== undefined) return { id: code, level, ...text };
  const words = code.replaceAll('_', ' ');
  return severity === 'warning'
    ? {
        id: code,
        level,
        shortDescription: `Warning: ${words}`,
        fullDescription: `The input loads, but has a problem of kind "${code}" that may not do what it seems to; warnings never make a file invalid.`,
        help: "Read the finding's message and hint; change the input, or keep it when it is deliberate.",
      }
    : {
        id: code,
        level,
        shortDescription: `Invalid input: ${words}`,
        fullDescription: `A scenario file, or a file it imports, has a problem of kind "${code}" and does not load; nothing in it runs.`,
        help: "Fix the input at the location shown; the finding's message says what is wrong and its hint how to fix it.",
      };
}

/** The rule id of a failed expectation of `kind`: `expect.artifact`, `expect.device`, … */
export function expectationRuleId(kind: string): string {
  return `expect.${kind}`;
}

/**
 * The rule of a failed expectation of `kind`: an error, since a failed expectation fails `edrsim run`.
 *
 * @example
 * expectationRule('artifact').id; // 'expect.artifact'
 */
export function expectationRule(kind: string): SarifRule {
  const asserts = EXPECTATION_TEXT[kind] ?? `what an expectation of kind ${kind} names`;
  return {
    id: expectationRuleId(kind),
    level: 'error',
    shortDescription: `Failed ${kind} expectation`,
    fullDescription: `An \`expect\` entry of kind ${kind} does not hold in the run: it asserts ${asserts}.`,
    help: "Read the finding's message (what was expected and what the run gave); fix the policy, or the expectation if the policy is right.",
  };
}
