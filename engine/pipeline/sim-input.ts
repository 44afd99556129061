/** What a simulation runs; the types live in core so that the scenario loader can produce them. */
export type { ChangeSpec, GenerateSpec, SimulationInput, TimelineEvent } from '../core/simulation-input.ts';
