// Not frozen on purpose (issue 13): profile folders, images and signers are input data, shared with P so both make the same artifacts.
export * from '../../engine/pipeline/synth/catalog-places.ts';
