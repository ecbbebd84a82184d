import { describe, expect, it } from 'vitest';
import { keepMatchesWithAncestors } from '../../shared/grid/filter-tree';

const tree = [
  { code: 'XNK', parentCode: null, name: 'Tổng kim ngạch xuất nhập khẩu' },
  { code: 'XK', parentCode: 'XNK', name: 'Kim ngạch xuất khẩu' },
  { code: 'XK_DIEU_L', parentCode: 'XK', name: 'Hạt điều nhân' },
  { code: 'NK', parentCode: 'XNK', name: 'Kim ngạch nhập khẩu' },
  { code: 'BLHH', parentCode: null, name: 'Tổng mức bán lẻ' },
];

describe('filtering a tree of indicators', () => {
  it('keeps each match with the rows above it, in tree order', () => {
    const kept = keepMatchesWithAncestors(tree, (r) => r.name.includes('điều'));
    expect(kept.map((r) => r.code)).toEqual(['XNK', 'XK', 'XK_DIEU_L']);
  });

  it('keeps a matching parent without its children', () => {
    expect(keepMatchesWithAncestors(tree, (r) => r.code === 'XNK').map((r) => r.code)).toEqual(['XNK']);
  });

  it('keeps nothing when nothing matches', () => {
    expect(keepMatchesWithAncestors(tree, () => false)).toEqual([]);
  });
});
