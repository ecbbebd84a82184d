import { openSession } from '../backend-session';

export async function infoCommand(dataDir: string, json: boolean): Promise<void> {
  const { backend, api } = openSession(dataDir);
  try {
    const info = await api.call('app.info', {});
    if (json) {
      process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
      return;
    }
    process.stdout.write(
      [
        `ChiTieu ${info.version}`,
        `Thư mục dữ liệu: ${info.dataDir}`,
        `Tệp cơ sở dữ liệu: ${info.databaseFile}`,
        `Cấu trúc cơ sở dữ liệu: ${info.schemaVersion} (${info.migrationsApplied} bước)`,
        `SQLite: ${info.sqliteVersion}`,
        info.databaseState.writeRefusalVi ?? 'Tình trạng tệp dữ liệu: đã kiểm tra nhanh khi mở, không thấy lỗi.',
      ].join('\n') + '\n',
    );
  } finally {
    backend.close();
  }
}
