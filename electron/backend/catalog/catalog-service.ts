import {
  countActiveChildren,
  countValuesOfIndicator,
  findIndicator,
  insertIndicator,
  lastSortOrder,
  listIndicators,
  updateIndicator,
} from '../../../db/access/catalog';
import type { ChitieuDb } from '../../../db/connection';
import type { Indicator } from '../../../shared/api/entities';
import { AppError } from '../../../shared/api/errors';
import { orderAsTree } from '../../../shared/catalog/catalog-tree';
import type { ParsedInput } from '../../../shared/api/contract';

function mustFind(db: ChitieuDb, code: string): Indicator {
  const found = findIndicator(db, code);
  if (!found) throw new AppError('not_found', `Không có chỉ tiêu mã ${code}.`, { code }, `indicator ${code} not found`);
  return found;
}

function checkParent(db: ChitieuDb, code: string, parentCode: string | null): void {
  if (parentCode === null) return;
  if (parentCode === code) {
    throw new AppError(
      'bad_input',
      'Một chỉ tiêu không thể là chỉ tiêu cha của chính nó.',
      { code },
      'indicator is its own parent',
    );
  }
  const parent = findIndicator(db, parentCode);
  if (!parent) {
    throw new AppError(
      'bad_input',
      `Chỉ tiêu cha ${parentCode} không có trong danh mục.`,
      { parentCode },
      'unknown parent',
    );
  }
  if (!parent.active) {
    throw new AppError(
      'conflict',
      `Chỉ tiêu cha ${parentCode} đang ngừng dùng; hãy dùng lại nó trước khi đặt chỉ tiêu vào dưới.`,
      { parentCode },
      'parent is retired',
    );
  }
  for (let up: Indicator | undefined = parent; up; up = up.parentCode ? findIndicator(db, up.parentCode) : undefined) {
    if (up.code === code) {
      throw new AppError(
        'bad_input',
        `Không thể đặt ${parentCode} làm chỉ tiêu cha của ${code}: ${parentCode} đang nằm dưới ${code}.`,
        { code, parentCode },
        'parent change would make a cycle',
      );
    }
  }
}

/** The catalog in tree order, with the retired indicators or without them. */
export function listCatalog(db: ChitieuDb, includeRetired: boolean): Indicator[] {
  const all = listIndicators(db);
  return orderAsTree(includeRetired ? all : all.filter((i) => i.active)).map(
    ({ depth: _depth, ...indicator }) => indicator,
  );
}

export function createIndicator(db: ChitieuDb, draft: ParsedInput<'catalog.create'>): Indicator {
  return db.transaction(
    () => {
      if (findIndicator(db, draft.code)) {
        throw new AppError(
          'conflict',
          `Mã chỉ tiêu ${draft.code} đã có trong danh mục.`,
          { code: draft.code },
          'duplicate indicator code',
        );
      }
      checkParent(db, draft.code, draft.parentCode);
      insertIndicator(db, {
        code: draft.code,
        parentCode: draft.parentCode,
        stt: draft.stt,
        nameVi: draft.nameVi,
        aliases: draft.aliases,
        unit: draft.unit,
        kind: draft.kind,
        decimals: draft.decimals,
        sortOrder: draft.sortOrder ?? lastSortOrder(db) + 10,
      });
      return mustFind(db, draft.code);
    },
    { behavior: 'immediate' },
  );
}

export function changeIndicator(db: ChitieuDb, code: string, patch: ParsedInput<'catalog.update'>['patch']): Indicator {
  return db.transaction(
    () => {
      const current = mustFind(db, code);
      if (patch.parentCode !== undefined) checkParent(db, code, patch.parentCode);
      if (patch.kind === 'group' && current.kind !== 'group' && countValuesOfIndicator(db, code) > 0) {
        throw new AppError(
          'conflict',
          `Chỉ tiêu ${code} đã có số liệu nên không thể chuyển thành nhóm (nhóm không có số liệu).`,
          { code },
          'cannot turn an indicator with values into a group',
        );
      }
      updateIndicator(db, code, patch);
      return mustFind(db, code);
    },
    { behavior: 'immediate' },
  );
}

/** Retires an indicator (its figures stay) or brings it back, refused while its children or parent disagree. */
export function retireIndicator(db: ChitieuDb, code: string, retired: boolean): Indicator {
  return db.transaction(
    () => {
      const current = mustFind(db, code);
      if (retired && countActiveChildren(db, code) > 0) {
        throw new AppError(
          'conflict',
          `Chỉ tiêu ${code} còn chỉ tiêu con đang dùng; hãy ngừng dùng các chỉ tiêu con trước.`,
          { code },
          'indicator has active children',
        );
      }
      if (!retired && current.parentCode) {
        const parent = mustFind(db, current.parentCode);
        if (!parent.active) {
          throw new AppError(
            'conflict',
            `Chỉ tiêu cha ${parent.code} đang ngừng dùng; hãy dùng lại chỉ tiêu cha trước.`,
            { code, parentCode: parent.code },
            'parent is retired',
          );
        }
      }
      updateIndicator(db, code, { active: !retired });
      return mustFind(db, code);
    },
    { behavior: 'immediate' },
  );
}
