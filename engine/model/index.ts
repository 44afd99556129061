/** Public surface of the device model: mode resolution, block-mode eligibility, lifecycle machines, the fleet model. */

// Mode resolution (§1)
export type { ModeResolution } from './mode-resolution.ts';
export { resolveMode } from './resolve-mode.ts';
export { resolveOnboardedServer } from './resolve-server-mode.ts';
export { runningMode } from './running-mode.ts';

// EDR in block mode eligibility and paths (§3.2–3.4)
export { blockModeRequirements } from './block-mode-requirements.ts';
export { supportedOsRequirement } from './supported-os-requirement.ts';
export { requirement, type Requirement, type RequirementId } from './requirement.ts';
export {
  blockModePaths,
  deviceBlockModeRequest,
  PORTAL_ON,
  type BlockModePaths,
  type DeviceBlockModeRequest,
} from './block-mode-paths.ts';
export { edrBlockModeState, type EdrBlockModeState, type SwitchView } from './edr-block-mode-state.ts';

// Reports a device gives (§1.2, §3.6, §3.10)
export { mpComputerStatus, winDefendService, type MpComputerStatus, type WinDefendService } from './computer-status.ts';
export { edrBlockModeRecommendation, type Recommendation } from './edr-block-mode-recommendation.ts';

// Get-MpComputerStatus exports read as device facts (edrsim doctor, devices: [{ from }])
export { recogniseComputerStatus } from './recognise-computer-status.ts';
export { importComputerStatus } from './import-computer-status.ts';
export { readCloudProtection } from './read-cloud-protection.ts';
export { statusDevice } from './status-device.ts';
export { statusChecklist, type CheckState, type ExtraFacts, type StatusCheck } from './status-checklist.ts';
export { statusCapabilities, type Capability, type CapabilityId, type Works } from './status-capabilities.ts';
export { diagnoseStatus, type StatusDiagnosis } from './diagnose-status.ts';

// Lifecycles in virtual time (xstate)
export { mdavModeMachine, type ConfigChangedEvent, type MdavModeContext } from './mdav-mode.machine.ts';
export {
  blockModeSwitchMachine,
  type BlockModeSwitchContext,
  type BlockModeSwitchEvent,
  type BlockModeSwitchState,
  type SwitchDueEvent,
  type SwitchRequestEvent,
} from './block-mode-switch.machine.ts';

// The fleet model and changes
export type { DeviceState } from './device-state.ts';
export { createFleetModel, type ChangeRequest, type ChangeResult, type FleetModel } from './fleet-model.ts';
export { authorizeChange, ALLOWED_ROLES } from './authorize-change.ts';
export { mergeDevicePatch, mergeTenantPatch } from './merge-patch.ts';
export { DeviceProfiles, type Eligibility, type Profile } from './device-profiles.ts';
export { decisionFlags, decisionKey } from './decision-key.ts';

// AIR and the Action Center (§6): automation levels, investigations, pending actions, undo, response actions, alert status
export { CORE_FOLDERS, TEMPORARY_FOLDERS, folderMatch } from './air-folders.ts';
export {
  airLicensed,
  defaultAutomationLevel,
  deviceAutomationLevel,
  remediationTab,
  FULL_DEFAULT_SINCE,
  type LevelInput,
  type TabDecision,
} from './automation-level.ts';
export {
  INVESTIGATION_TRIGGERS,
  airSupport,
  alertInvestigation,
  type AirSupport,
  type AlertInvestigation,
  type TriggerRule,
  type TriggerSource,
} from './investigation-trigger.ts';
export {
  PENDING_TIMEOUT_MS,
  countsAsRejected,
  endPending,
  type AirActionEntry,
  type AirRemediationType,
} from './air-action-entry.ts';
export {
  SIGHTING_CAP,
  investigationContext,
  type AnalysedEvent,
  type DecisionEvent,
  type DeviceEvent,
  type EndEvent,
  type EvidenceInput,
  type EvidenceVerdict,
  type InvestigationContext,
  type InvestigationDueEvent,
  type InvestigationEvent,
  type InvestigationInput,
  type SightingEvent,
  type StartEvent,
} from './investigation-context.ts';
export { investigationMachine, type ModelledInvestigationState } from './investigation.machine.ts';
export { LiveInvestigation, advanceInvestigation, liveSnapshot, replaceLiveEntry } from './investigation-live.ts';
export {
  INVESTIGATION_TABLE,
  compileInvestigationTable,
  queueInvestigation,
  stepInvestigation,
  type InvestigationSnapshot,
  type InvestigationTable,
} from './investigation-table.ts';
export { UNDOABLE_ACTION_TYPES, undoActions, undoTargets, type UndoRequest, type UndoResult } from './undo-actions.ts';
export {
  ISOLATION_RETRY_MS,
  PLAN_1_ACTIONS,
  STOP_AND_QUARANTINE_MAX_DEVICES,
  checkResponseAction,
  isolationOutcome,
  type ManualActionType,
  type ResponseCheck,
  type ResponseRequest,
  type ResponseTarget,
} from './response-action-rules.ts';
export { NEW_ALERT, autoresolveAlert, setAlertStatus, type AlertStatusState } from './alert-status.ts';
