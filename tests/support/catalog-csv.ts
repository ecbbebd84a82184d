import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The default catalog as the app ships it. */
export const defaultCatalogFile = fileURLToPath(new URL('../../db/seed/default-indicators.csv', import.meta.url));

/** The department's catalog as it was handed over, copied into the repository. */
export const handedCatalogFile = fileURLToPath(new URL('../fixtures/catalog/default-indicators.csv', import.meta.url));

export interface ExpectedIndicator {
  code: string;
  parentCode: string | null;
  stt: string;
  nameVi: string;
  unit: string;
  kind: string;
  decimals: number;
}

/** A small RFC 4180 reader of its own, so that the test does not check the app's parser against itself. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const body = text.replace(/^\uFEFF/, '');
  while (i < body.length) {
    const ch = body.charAt(i);
    if (quoted) {
      if (ch === '"' && body.charAt(i + 1) === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
    i++;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field.replace(/\r$/, '')]);
  return rows.filter((r) => r.some((cell) => cell !== ''));
}

/** The default catalog rows in file order; a group row's empty decimals mean 0. */
export function readDefaultCatalog(): ExpectedIndicator[] {
  const [header, ...rows] = readCsv(readFileSync(defaultCatalogFile, 'utf8'));
  if (!header) throw new Error(`${defaultCatalogFile} is empty`);
  const column = (name: string): number => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`${defaultCatalogFile} has no column ${name}`);
    return at;
  };
  const at = {
    code: column('code'),
    parent: column('parent'),
    stt: column('stt'),
    name: column('name_vi'),
    unit: column('unit'),
    kind: column('kind'),
    decimals: column('decimals'),
  };
  return rows.map((cells) => {
    const cell = (i: number): string => (cells[i] ?? '').trim();
    return {
      code: cell(at.code),
      parentCode: cell(at.parent) === '' ? null : cell(at.parent),
      stt: cell(at.stt),
      nameVi: cell(at.name),
      unit: cell(at.unit),
      kind: cell(at.kind),
      decimals: cell(at.decimals) === '' ? 0 : Number(cell(at.decimals)),
    };
  });
}
