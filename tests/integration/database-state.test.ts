import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open-database';
import { closeDatabaseState, openDatabaseState } from '../../electron/backend/database-state';
import { createFileLogger } from '../../electron/backend/log';
import { refusalOfSync } from '../support/backend';
import { makeDataDir } from '../support/data-dir';
import { writeWorkbook } from '../support/workbooks';

describe('what the backend keeps in memory for an open database', () => {
  it('lets go of the workbooks read for an import when the database closes, so that no commit can follow', async () => {
    const dir = makeDataDir();
    const database = openDatabase({ dataDir: dir });
    const state = openDatabaseState(database.db, createFileLogger(dir));
    const file = await writeWorkbook(join(dir, 'xa-a.xlsx'), [
      {
        name: 'BC',
        rows: [
          ['Đơn vị báo cáo: Xã A'],
          ['BÁO CÁO THÁNG 5 NĂM 2023'],
          ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện kỳ báo cáo'],
          [1, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'Triệu đồng', 100],
        ],
      },
    ]);
    const session = state.imports.start([{ path: file }]);
    await session.done;
    expect(state.imports.ready(session.sessionId).files[0]?.state).toBe('read');

    closeDatabaseState(state);
    database.close();

    expect(session.closed).toBe(true);
    expect(session.files[0]?.workbook).toBeNull();
    const refusal = refusalOfSync(() => state.imports.get(session.sessionId));
    expect(refusal.code).toBe('not_found');
    expect(refusal.message).toBe('Không còn phiên nhập này (đã nhập xong, đã đóng hoặc để quá lâu). Hãy chọn lại tệp.');
  });
});
