/** Every source key of the domain reference's §0 table, as a title with a link: current Learn pages, archived versions, and labels. */

/** What a source is: a current Learn page, an archived version of one, the reference's own inference, or community material. */
export type CiteSourceKind = 'page' | 'archived' | 'inference' | 'community';

/** One source a cite leads to. `url` is absent for an inference, community material, or an archived copy without a public path. */
export interface CiteSource {
  readonly kind: CiteSourceKind;
  /** The page's front-matter `title:` (current pages), or a label. */
  readonly title: string;
  readonly url?: string;
  /** For an archived version: the date of the version read, e.g. `01/26/2021`. */
  readonly date?: string;
  /** For an archived version: `owner/repo: path` on GitHub. */
  readonly path?: string;
}

const LEARN = 'https://learn.microsoft.com/en-us/';

// A Learn URL is the docs repo's path without its extension: defender-endpoint/edr-in-block-mode.md →
// learn.microsoft.com/en-us/defender-endpoint/edr-in-block-mode (defender-docs and windows-itpro-docs alike).
const page = (title: string, path: string): CiteSource => ({ kind: 'page', title, url: `${LEARN}${path}` });

const M365 = 'MicrosoftDocs/microsoft-365-docs';
const EDR_BM_2021 = 'microsoft-365/security/defender-endpoint/edr-in-block-mode.md';

// An archived version: its GitHub path, pinned to the commit the reference read when it names one.
// Its title names the file and the date, not a page title: the reference gives no title for old versions.
function archived(file: string, date: string, repo?: string, path?: string, commit?: string): CiteSource {
  const where = repo === undefined || path === undefined ? {} : { path: `${repo}: ${path}` };
  const url =
    repo !== undefined && path !== undefined && commit !== undefined
      ? { url: `https://github.com/${repo}/blob/${commit}/${path}` }
      : {};
  return { kind: 'archived', title: `${file} (archived version of ${date})`, date, ...where, ...url };
}

const EDR_BM = 'edr-in-block-mode.md';

/**
 * The sources by the key the reference uses (`edr-bm`, `ioc-manage`, `CSP`, …). Titles are the pages' front-matter
 * `title:` as read in MicrosoftDocs/defender-docs (and windows-itpro-docs, microsoft-graph-docs-contrib).
 */
export const CITE_SOURCES: Readonly<Record<string, CiteSource>> = {
  'edr-bm': page('Endpoint detection and response in block mode', 'defender-endpoint/edr-in-block-mode'),
  'edr-faq': page(
    'Endpoint detection and response (EDR) in block mode frequently asked questions (FAQ)',
    'defender-endpoint/edr-block-mode-faqs',
  ),
  compat: page(
    'Microsoft Defender Antivirus compatibility with other security products',
    'defender-endpoint/microsoft-defender-antivirus-compatibility',
  ),
  'mdav-win': page('Microsoft Defender Antivirus in Windows Overview', 'defender-endpoint/microsoft-defender-antivirus-windows'),
  'mdav-srv': page(
    'Microsoft Defender Antivirus on Windows Server',
    'defender-endpoint/microsoft-defender-antivirus-on-windows-server',
  ),
  'onboard-srv': page(
    "Onboard servers through Microsoft Defender for Endpoint's onboarding experience",
    'defender-endpoint/onboard-server',
  ),
  lps: page(
    'Enable the limited periodic Microsoft Defender Antivirus scanning feature',
    'defender-endpoint/limited-periodic-scanning-microsoft-defender-antivirus',
  ),
  CSP: page('Defender CSP', 'windows/client-management/mdm/defender-csp'),
  'ext-excl': page(
    'Configure and validate exclusions based on extension, name, or location',
    'defender-endpoint/configure-extension-file-exclusions-microsoft-defender-antivirus',
  ),
  'proc-excl': page(
    'Configure exclusions for files opened by specific processes',
    'defender-endpoint/configure-process-opened-file-exclusions-microsoft-defender-antivirus',
  ),
  'ctx-excl': page(
    'Contextual file and folder exclusions',
    'defender-endpoint/configure-contextual-file-folder-exclusions-microsoft-defender-antivirus',
  ),
  'cfg-excl': page(
    'Configure custom exclusions for Microsoft Defender Antivirus',
    'defender-endpoint/configure-exclusions-microsoft-defender-antivirus',
  ),
  'excl-mistakes': page(
    'Common mistakes to avoid when defining exclusions',
    'defender-endpoint/common-exclusion-mistakes-microsoft-defender-antivirus',
  ),
  'excl-overview': page(
    'Manage exclusions for Microsoft Defender for Endpoint and Microsoft Defender Antivirus',
    'defender-endpoint/defender-endpoint-antivirus-exclusions',
  ),
  'srv-excl': page(
    'Microsoft Defender Antivirus exclusions on Windows Server',
    'defender-endpoint/configure-server-exclusions-microsoft-defender-antivirus',
  ),
  'asr-ref': page('Attack surface reduction rules reference', 'defender-endpoint/attack-surface-reduction-rules-reference'),
  'auto-excl': page('Manage automation folder exclusions', 'defender-endpoint/manage-automation-folder-exclusions'),
  'ioc-ovw': page('Overview of indicators in Microsoft Defender for Endpoint', 'defender-endpoint/indicators-overview'),
  'ioc-create': page('Create indicators', 'defender-endpoint/manage-indicators'),
  'ioc-file': page('Create indicators for files', 'defender-endpoint/indicator-file'),
  'ioc-net': page('Create indicators for IPs and URLs/domains', 'defender-endpoint/indicator-ip-domain'),
  'ioc-cert': page('Create indicators based on certificates', 'defender-endpoint/indicator-certificates'),
  'ioc-manage': page('Manage indicators', 'defender-endpoint/indicator-manage'),
  'ioc-api': page('Indicator resource type', 'defender-endpoint/api/ti-indicator'),
  'adv-feat': page('Configure advanced features in Microsoft Defender for Endpoint', 'defender-endpoint/advanced-features'),
  ac: page('Visit the Action center to see remediation actions', 'defender-endpoint/auto-investigation-action-center'),
  'ac-xdr': page(
    'Go to the Action center to view and approve your automated investigation and remediation tasks',
    'defender-xdr/m365d-action-center',
  ),
  'ac-actions': page('View and manage actions in the Action center', 'defender-xdr/m365d-autoir-actions'),
  'rem-xdr': page('Remediation actions in Microsoft Defender XDR', 'defender-xdr/m365d-remediation-actions'),
  'air-results': page('Details and results of an automated investigation', 'defender-xdr/m365d-autoir-results'),
  air: page('Use automated investigations to investigate and remediate threats', 'defender-endpoint/automated-investigations'),
  'air-levels': page('Automation levels in automated investigation and remediation', 'defender-endpoint/automation-levels'),
  'air-review': page(
    'Review remediation actions following automated investigations',
    'defender-endpoint/manage-auto-investigation',
  ),
  'air-config': page(
    'Configure automated investigation and remediation capabilities',
    'defender-endpoint/configure-automated-investigations-remediation',
  ),
  groups: page('Create and manage device groups in Microsoft Defender for Endpoint', 'defender-endpoint/machine-groups'),
  'resp-dev': page(
    'Take response actions on a device in Microsoft Defender for Endpoint',
    'defender-endpoint/respond-machine-alerts',
  ),
  'resp-file': page(
    'Take response actions on a file in Microsoft Defender for Endpoint',
    'defender-endpoint/respond-file-alerts',
  ),
  machineaction: page('machineAction resource type', 'defender-endpoint/api/machineaction'),
  'alert-api': page('Get alerts API', 'defender-endpoint/api/alerts'),
  'get-alerts-api': page('List alerts API', 'defender-endpoint/api/get-alerts'),
  'investigation-api': page('Investigation resource type', 'defender-endpoint/api/investigation'),
  'ah-deviceevents': page(
    'DeviceEvents table in the advanced hunting schema',
    'defender-xdr/advanced-hunting-deviceevents-table',
  ),
  'ah-alertinfo': page('AlertInfo table in the advanced hunting schema', 'defender-xdr/advanced-hunting-alertinfo-table'),
  'ah-alertevidence': page(
    'AlertEvidence table in the advanced hunting schema',
    'defender-xdr/advanced-hunting-alertevidence-table',
  ),
  pua: page(
    'Block potentially unwanted applications with Microsoft Defender Antivirus',
    'defender-endpoint/detect-block-potentially-unwanted-apps-microsoft-defender-antivirus',
  ),
  'alerts-queue': page('View and organize the Microsoft Defender for Endpoint Alerts queue', 'defender-endpoint/alerts-queue'),
  'graph-alert': {
    kind: 'page',
    title: 'alert resource type',
    url: `${LEARN}graph/api/resources/security-alert?view=graph-rest-1.0`,
  },
  'graph-evid': {
    kind: 'page',
    title: 'alertEvidence resource type',
    url: `${LEARN}graph/api/resources/security-alertevidence?view=graph-rest-1.0`,
  },
  bbc: page('Behavioral blocking and containment', 'defender-endpoint/behavioral-blocking-containment'),
  cbb: page('Client behavioral blocking', 'defender-endpoint/client-behavioral-blocking'),
  'plat-hist': page(
    'Microsoft Defender Antivirus updates - Previous versions for technical upgrade support',
    'defender-endpoint/msda-updates-previous-versions-technical-upgrade-support',
  ),
  switch: page('Switch to Microsoft Defender for Endpoint - Setup', 'defender-endpoint/switch-to-mde-phase-2'),
  'edr-bm-2020': archived(EDR_BM, '08/21/2020'),
  'edr-bm-2021a': archived(EDR_BM, '01/26/2021', M365, EDR_BM_2021, '00be05c0'),
  'edr-bm-2021b': archived(EDR_BM, '05/06/2021', M365, EDR_BM_2021, '72b3fe195deb8ba1ec77c821d73bb56b502d099d'),
  'edr-bm-2021c': archived(
    EDR_BM,
    '08/05/2021',
    'marysiakam9889/microsoft-365-docs',
    EDR_BM_2021,
    '07981213f407d48296c6b440b3e42a72ed399d33',
  ),
  'edr-bm-2022': archived(EDR_BM, '08/19/2022'),
  'edr-bm-2023': archived(EDR_BM, '03/31/2023'),
  'compat-2021': archived(
    'microsoft-defender-antivirus-compatibility.md',
    '08/05/2021',
    M365,
    'microsoft-365/security/defender-endpoint/microsoft-defender-antivirus-compatibility.md',
  ),
  'ext-excl-2021': archived(
    'configure-extension-file-exclusions-microsoft-defender-antivirus.md',
    '2021',
    M365,
    'microsoft-365/security/defender-endpoint/configure-extension-file-exclusions-microsoft-defender-antivirus.md',
  ),
  inference: { kind: 'inference', title: '[inference] the domain reference fills a gap the documentation leaves' },
  community: { kind: 'community', title: 'community notes and third-party scripts (not Microsoft documentation)' },
};
