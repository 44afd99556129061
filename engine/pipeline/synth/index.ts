/**
 * Public surface of the seeded synthetic artifact generator (`generate:` events, contract §1).
 *
 * @example
 * import { generateArtifacts, validateGenerateSpec } from './pipeline/synth/index.ts';
 * if (validateGenerateSpec(spec).length === 0) for (const artifact of generateArtifacts(spec, { seed: 7 })) use(artifact);
 */

// Entry points: all devices, a shard of devices, one device
export { generateArtifacts, generateArtifactsFor, generateDeviceArtifacts } from './generate-artifacts.ts';
export { GeneratedArtifact, plainArtifact } from './generated-artifact.ts';

// Spec and validation
export { artifactsOfDevice } from './generate-spec.ts';
export type { GenerateDetection, GenerateMix, GenerateOptions, GenerateSpec } from './generate-spec.ts';
export { validateGenerateSpec } from '../../core/validate-generate-spec.ts';

// Catalog, for reports and tests that want to recognise generated values
export { CATALOG, compileCatalog, variantName } from './compile-catalog.ts';
export type { CompiledCatalog, FileGroup, Template, TemplateTable } from './compile-catalog.ts';
