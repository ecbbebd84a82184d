import { describe, expect, it } from 'vitest';
import {
  exportFillInputSchema,
  exportFillToFileInputSchema,
  exportReportInputSchema,
} from '../../shared/api/export-entities';

describe('the proposed export operations', () => {
  it('take a period and one way of choosing units, the province by default', () => {
    expect(exportReportInputSchema.parse({ period: '2023-h1' })).toEqual({
      period: '2023-H1',
      allUnits: false,
      layout: 'sheets',
    });
    expect(
      exportReportInputSchema.parse({
        period: '2023-06',
        unitIds: [2, 3],
        layout: 'columns',
        overrideReason: 'Số của Cục Hải quan',
      }),
    ).toMatchObject({ unitIds: [2, 3], layout: 'columns' });
    expect(exportReportInputSchema.safeParse({ period: '2023-06', unitId: 2, allUnits: true }).success).toBe(false);
    expect(exportReportInputSchema.safeParse({ period: '2023-13' }).success).toBe(false);
    expect(exportReportInputSchema.safeParse({ period: '2023-06', overrideReason: ' ok ' }).success).toBe(false);
  });

  it('fill a template given by its bytes, or by path where the template is on this computer', () => {
    expect(
      exportFillToFileInputSchema.parse({
        template: { path: '/tmp/mau.xlsx' },
        period: '2023-05',
        saveTo: '/tmp/ra.xlsx',
      }),
    ).toMatchObject({ period: '2023-05' });
    expect(exportFillInputSchema.safeParse({ template: { path: '/tmp/mau.xlsx' }, period: '2023-05' }).success).toBe(
      false,
    );
    expect(
      exportFillInputSchema.parse({
        template: { name: 'mau.xlsx', contentBase64: 'UEsDBA==' },
        period: '2023',
        unitId: 3,
      }),
    ).toMatchObject({ period: '2023' });
    expect(exportFillInputSchema.safeParse({ template: { url: 'http://x' }, period: '2023' }).success).toBe(false);
  });
});
