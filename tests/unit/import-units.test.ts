import { describe, expect, it } from 'vitest';
import { compareUnits, convertFigure, parseUnit } from '../../shared/import/units';

function conversion(from: string, to: string) {
  return compareUnits(parseUnit(from), parseUnit(to));
}

describe('a figure in the workbook unit becomes a figure in the catalog unit', () => {
  it('converts 14.659.900 triệu đồng into 14.659,9 tỷ đồng exactly', () => {
    const c = conversion('Triệu đồng', 'tỷ đồng');
    expect(c).toEqual({ kind: 'convert', factor: 0.001 });
    expect(convertFigure(14_659_900, 0.001)).toBe(14659.9);
  });

  const same: [string, string][] = [
    ['1000 đôi', 'nghìn đôi'],
    ['1.000 đôi', 'nghìn đôi'],
    ['M3', 'm3'],
    ['m³', 'm3'],
    ['Triệu KWh', 'triệu kWh'],
    ['Tr.KWh', 'triệu kWh'],
    [' Nghìn tấn', 'nghìn tấn'],
    ['1000 chiếc', 'nghìn chiếc'],
    ['Tấn', 'tấn'],
    ['%', '%'],
    ['Triệu USD', 'triệu USD'],
    ['Tr.USD', 'triệu USD'],
    ['ngàn tấn', 'nghìn tấn'],
  ];
  for (const [from, to] of same) {
    it(`"${from}" is "${to}"`, () => expect(conversion(from, to)).toEqual({ kind: 'same' }));
  }

  const converts: [string, string, number, number, number][] = [
    ['nghìn USD', 'triệu USD', 61_100, 0.001, 61.1],
    ['tấn', 'nghìn tấn', 2_500, 0.001, 2.5],
    ['kWh', 'triệu kWh', 12_000_000, 1e-6, 12],
    ['đồng', 'tỷ đồng', 2_300_000_000, 1e-9, 2.3],
    ['tỷ đồng', 'triệu đồng', 1.5, 1000, 1500],
    ['MWh', 'triệu kWh', 450, 0.001, 0.45],
    ['kg', 'tấn', 1_250, 0.001, 1.25],
    ['cái', 'nghìn cái', 800, 0.001, 0.8],
    ['nghìn lượt khách', 'lượt khách', 3.2, 1000, 3200],
  ];
  for (const [from, to, figure, factor, expected] of converts) {
    it(`${figure} ${from} is ${expected} ${to}`, () => {
      expect(conversion(from, to)).toEqual({ kind: 'convert', factor });
      expect(convertFigure(figure, factor)).toBe(expected);
    });
  }
});

describe('units of another family never convert', () => {
  const cases: [string, string][] = [
    ['M2', 'm3'],
    ['tấn', 'm3'],
    ['triệu USD', 'tỷ đồng'],
    ['nghìn đôi', 'nghìn cái'],
    ['triệu kWh', '%'],
  ];
  for (const [from, to] of cases) {
    it(`"${from}" into "${to}"`, () => expect(conversion(from, to)).toEqual({ kind: 'other-family' }));
  }

  it('says it does not understand "999 cái" rather than reading it as 999 pieces', () => {
    expect(parseUnit('999 cái').family).toBeNull();
    expect(conversion('999 cái', 'nghìn cái')).toEqual({ kind: 'not-understood' });
  });
});
