// Not frozen on purpose (issue 13): the catalog is the generator's input, not its code, so G reads the same templates as P.
export * from '../../engine/pipeline/synth/catalog.ts';
