/**
 * The shared strings of a workbook, streamed: plain and rich-text items (runs joined), phonetic runs
 * left out, the OOXML `_xHHHH_` escapes undone.
 */
import { SaxesParser } from 'saxes';
import type { OpcPackage } from './opc';
import { decodeCellText, localName } from './xml';

export async function readSharedStrings(pkg: OpcPackage, part: string | undefined): Promise<string[]> {
  if (!part || !pkg.has(part)) return [];
  const out: string[] = [];
  const parser = new SaxesParser({ position: false });
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = '';
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') {
      inItem = true;
      text = '';
    } else if (name === 'rPh') phonetic++;
    else if (name === 't' && inItem && phonetic === 0) inText = true;
  });
  parser.on('text', (t: string) => {
    if (inText) text += t;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si') {
      out.push(decodeCellText(text));
      inItem = false;
    }
  });
  await pkg.stream(part, (chunk) => {
    parser.write(chunk);
  });
  parser.close();
  return out;
}
