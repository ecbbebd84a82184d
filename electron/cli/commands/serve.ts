import { fileURLToPath } from 'node:url';
import { createBackend } from '../../backend/backend';
import { storedWebPasswordHash } from '../../backend/settings/settings-service';
import { createFileLogger } from '../../backend/log';
import { lanAddresses, officeCertificate } from '../../web/office-certificate';
import { startWebServer } from '../../web/server';
import { isLoopbackHost } from '../../web/security';
import { UsageError } from '../cli-error';

export interface ServeOptions {
  dataDir: string;
  port: number;
  host: string;
  /** The office server: every browser logs in with the password, even one on this computer. */
  office?: boolean;
  /** Where the built UI is; the bundled CLI sits in out/main beside out/renderer. */
  staticDir?: string;
}

export async function serveCommand(options: ServeOptions): Promise<void> {
  // The browser mode's lifetime is the server's: it backs up once a day while it runs and when Ctrl+C stops it.
  const backend = createBackend({ dataDir: options.dataDir, automaticBackups: true });
  const exposed = options.office === true || !isLoopbackHost(options.host);
  if (exposed && !storedWebPasswordHash(backend.database.db)) {
    backend.close();
    throw new UsageError(
      options.office === true
        ? 'Không thể chạy máy chủ văn phòng (--office) khi chưa đặt mật khẩu truy cập trong Cài đặt.'
        : `Không thể mở ChiTieu ra ngoài máy này (--host ${options.host}) khi chưa đặt mật khẩu truy cập trong Cài đặt.`,
    );
  }
  const certificate = exposed ? await officeCertificate(options.dataDir) : null;
  const server = await startWebServer({
    backend,
    staticDir: options.staticDir ?? fileURLToPath(new URL('../renderer', import.meta.url)),
    port: options.port,
    host: options.host,
    requireLogin: options.office === true,
    ...(certificate === null ? {} : { tls: { key: certificate.key, cert: certificate.cert } }),
    log: createFileLogger(options.dataDir),
  }).catch((error: unknown) => {
    backend.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UsageError(`Cổng ${options.port} đang được chương trình khác dùng; hãy chọn cổng khác bằng --port.`);
    throw error;
  });
  process.stdout.write(`${server.url}\n`);
  if (certificate !== null) {
    const everywhere = options.host === '0.0.0.0' || options.host === '::';
    const others = everywhere ? lanAddresses() : isLoopbackHost(options.host) ? [] : [options.host];
    if (others.length > 0)
      process.stdout.write(
        `Các máy khác trong văn phòng mở: ${others.map((a) => `https://${a}:${server.port}/`).join('  ')}\n`,
      );
    process.stdout.write(
      `Chứng chỉ của máy chủ (tự ký, ${certificate.certFile}), dấu vân tay SHA-256:\n  ${certificate.fingerprint}\n` +
        'Lần đầu mở, trình duyệt sẽ cảnh báo chứng chỉ: hãy so dấu vân tay trong cảnh báo với dòng trên rồi mới tiếp tục.\n',
    );
  }
  process.stdout.write(`Mở đường dẫn trên trong trình duyệt. Dữ liệu: ${options.dataDir}. Nhấn Ctrl+C để dừng.\n`);
  const stop = () => {
    void server.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
