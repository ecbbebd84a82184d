function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:"Segoe UI",Arial,sans-serif;max-width:34rem;margin:4rem auto;color:#1f1f1f}
input,button{font-size:1rem;padding:.4rem .6rem}</style></head><body>${body}</body></html>`;
}

export const missingTokenPage = page(
  'ChiTieu: cần mã truy cập',
  `<h1>ChiTieu</h1><p>Hãy mở ChiTieu bằng đường dẫn có mã truy cập mà lệnh <code>chitieu serve</code> đã in ra.</p>`,
);

/** The login form; `notice` is one of the door's own sentences (a wrong password, a wait), never the request's text. */
export function loginPage(notice: string | null): string {
  return page(
    'ChiTieu: đăng nhập',
    `<h1>ChiTieu</h1>${notice === null ? '' : `<p role="alert">${notice}</p>`}
<form method="post" action="/login"><label>Mật khẩu truy cập <input type="password" name="password" autofocus></label>
<button type="submit">Đăng nhập</button></form>`,
  );
}
