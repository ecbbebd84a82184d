import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  contract,
  invalidatedBy,
  operationNames,
  readOperationNames,
  type InvalidatesOnlyReads,
} from '../../shared/api/contract';

describe('the facts each operation declares on the contract', () => {
  it('name only reads of the contract among what a call invalidates', () => {
    expectTypeOf<InvalidatesOnlyReads>().toEqualTypeOf<true>();
    for (const name of operationNames) {
      const declared = (contract[name] as { invalidates?: readonly string[] | 'all' }).invalidates;
      if (Array.isArray(declared)) expect({ name, reads: invalidatedBy(name) }).toEqual({ name, reads: declared });
    }
  });

  it('have every write of figures re-read the grid, and a restore re-read everything', () => {
    for (const name of ['values.set', 'plans.set', 'changes.revert', 'import.commit', 'import.undo'] as const)
      expect(invalidatedBy(name)).toContain('values.grid');
    expect(invalidatedBy('backup.restore')).toEqual(readOperationNames);
  });
});
