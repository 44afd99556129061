import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createLocator, pathAtOffset } from '../../../engine/scenario/text/locate.ts';

const source = [
  'name: demo',
  'devices:',
  '  - name: ws-01',
  '    os: windows-11',
  '    mdav: { cloudProtection: true }',
  '',
].join('\n');
const lineCounter = new LineCounter();
const doc = parseDocument(source, { lineCounter });
const locate = createLocator(doc, lineCounter);

describe('createLocator', () => {
  it('should place a path at its value, or at its key when asked', () => {
    expect(locate(['devices', 0, 'os'])).toEqual({ line: 4, column: 9 });
    expect(locate(['devices', 0, 'os'], true)).toEqual({ line: 4, column: 5 });
    expect(locate(['devices', 0, 'mdav', 'cloudProtection'])).toEqual({ line: 5, column: 30 });
  });

  it('should fall back to the nearest parent for a missing key or index', () => {
    expect(locate(['devices', 0, 'primaryAv'])).toEqual({ line: 3, column: 5 });
    expect(locate(['devices', 7, 'os'])).toEqual({ line: 3, column: 3 });
    expect(locate(['tenant', 'edrBlockMode'])).toEqual({ line: 1, column: 1 });
  });
});

describe('pathAtOffset', () => {
  it('should find the path of the node written at an offset', () => {
    expect(pathAtOffset(doc, source.indexOf('windows-11'))).toEqual(['devices', 0, 'os']);
    expect(pathAtOffset(doc, source.indexOf('true'))).toEqual(['devices', 0, 'mdav', 'cloudProtection']);
    expect(pathAtOffset(doc, source.indexOf('devices'))).toEqual(['devices']);
  });
});
