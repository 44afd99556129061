/** Public surface of scenario/: load a scenario from text or disk, its types, its schema. */

// Loading
export { loadScenario } from './load-scenario.ts';
export { readScenarioFile } from './read-scenario-file.ts';
export type { LoadOptions } from './load-options.ts';
export { checkSourceText, MAX_SOURCE_CHARS } from './text/check-source-text.ts';
export { decodeText } from '../io/decode-text.ts';

// The loaded scenario
export type { Scenario, TimelineEvent, ActionSpec, ChangeSpec, GenerateSpec, Expectation, CountBounds } from './scenario.ts';
export { fleetNames } from './build/build-devices.ts';
export { toArtifact } from './build/build-timeline.ts';

// Schema
export { scenarioSchema, scenarioJsonSchema, timelineEventSchema, SCENARIO_KEYS } from './schema/scenario-schema.ts';
export { expectationSchema, ACTION_SOURCES, DETECTION_SOURCES } from './schema/expectation-schema.ts';
export { INDICATOR_TYPES, INDICATOR_ACTIONS, WRITTEN_INDICATOR_ACTIONS } from '../core/indicator-vocabulary.ts';
export { DEFAULT_MIX, DEFAULT_DETECTION } from './schema/generate-schema.ts';

// Helpers other layers reuse for their own messages
export { didYouMean, closest, editDistance } from '../core/did-you-mean.ts';
