import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../server/cli/command';
import { extractCommand } from '../../server/cli/extract';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => path.resolve(here, '../fixtures/portals', name);

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const text = (chunk: string | Uint8Array) => (typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += text(chunk);
    return true;
  });
  const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += text(chunk);
    return true;
  });
  try {
    const code = await extractCommand.run(argv);
    return { code, out, err };
  } finally {
    spy.mockRestore();
    errSpy.mockRestore();
  }
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'linli-extract-'));
}

afterEach(() => vi.restoreAllMocks());

describe('linli extract', () => {
  it('prints {"issues": [...]} with 2-space indent, taking the URL from the saved-from comment', async () => {
    const { code, out } = await run([fixture('div-grid-big5.html')]);
    expect(code).toBe(0);
    expect(out).toMatch(/^\{\n {2}"issues": \[/);
    const json = JSON.parse(out);
    expect(json.issues).toHaveLength(1);
    expect(json.issues[0].source.url).toBe(
      'https://hello.kaohsiung.example.gov.tw/petition/detail.aspx?no=A115052000123',
    );
    expect(json.issues[0].title).toBe('四維三路口柏油路面大坑洞，機車騎士險摔車');
    expect(out).not.toContain('0912-345-678');
  });

  it('--url overrides the page address; canonical is used when there is no comment', async () => {
    const a = JSON.parse((await run([fixture('us-311-jsonld.html')])).out);
    expect(a.issues[0].source.url).toBe('https://311.riverton.example.gov/requests/2026-00412877');
    const b = JSON.parse((await run([fixture('us-311-jsonld.html'), '--url', 'https://example.gov/r/1'])).out);
    expect(b.issues[0].source.url).toBe('https://example.gov/r/1');
  });

  it('a list page prints one issue per case', async () => {
    const { out } = await run([fixture('card-list-pagination.html')]);
    expect(JSON.parse(out).issues).toHaveLength(4);
  });

  it('a UTF-8 page that declares GBK comes out in Chinese, with a note that the bytes won', async () => {
    const file = path.join(tempDir(), 'utf8-declared-gbk.html');
    writeFileSync(
      file,
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>' +
        '<table><tr><td>诉求标题：</td><td>小区门口井盖破损</td></tr><tr><td>受理时间：</td><td>2026-05-28</td></tr></table>' +
        '</body></html>',
    );
    const { out, err } = await run([file, '--url', 'https://12345.example.gov.cn/order/1']);
    const json = JSON.parse(out);
    expect(json.issues[0].title).toBe('小区门口井盖破损');
    expect(json.notes).toEqual([
      {
        code: 'charset-overruled',
        message: 'the page declares gb2312 but its bytes are utf-8: read as utf-8',
        messageZh: '页面声明的编码是 gb2312，但内容实为 utf-8：已按 utf-8 读取',
      },
    ]);
    expect(err).toContain('已按 utf-8 读取');
  });

  it('a list saved without its script-loaded rows prints no issue and says why, in zh-CN and English', async () => {
    const file = path.join(tempDir(), 'shell.html');
    writeFileSync(
      file,
      '<html><head><title>留言列表</title></head><body><h2>留言列表</h2><ul id="replyList"></ul>' +
        "<script>$.ajax({url: '/threads/queryThreadsList', success: function (d) { $('#replyList').html(d); }});</script></body></html>",
    );
    const { code, out, err } = await run([file]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.issues).toEqual([]);
    expect(json.notes.map((n: { code: string }) => n.code)).toEqual(['rows-loaded-by-script']);
    expect(err).toBe(
      `${file}: 列表的行由网页脚本加载，保存的页面里没有：请在打开的网页上直接剪藏 (rows are loaded by script: clip from the live page)\n`,
    );
  });

  it('applies recipes from --recipes DIR', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'grid.json'),
      JSON.stringify({
        id: 'kaohsiung',
        name: 'Kaohsiung petitions',
        match: ['https://hello.kaohsiung.example.gov.tw/petition/*'],
        fields: { title: { selector: '.case-title-bar', regex: '^(\\S+)' } },
      }),
    );
    const json = JSON.parse((await run([fixture('div-grid-big5.html'), '--recipes', dir])).out);
    expect(json.issues[0].title).toBe('案件明細');
    expect(json.issues[0].source.caseNumber).toBe('A115052000123');
  });

  it('an unreadable file is a one-line CliError (exit 2)', async () => {
    const err = await extractCommand.run(['/nonexistent/page.html']).catch((e) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/^\/nonexistent\/page\.html: cannot read the file \(ENOENT\)$/);
  });

  it('an invalid recipe is a CliError naming the file and the field', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ id: 'bad', name: 'Bad', match: ['https://*'], fields: { titel: 'h1' } }));
    const err = await extractCommand.run([fixture('div-grid-big5.html'), '--recipes', dir]).catch((e) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toContain(file);
    expect(err.message).toContain('fields.titel');
    expect(err.message).not.toContain('\n');
  });

  it('a recipe file that is not JSON, a missing directory and bad flags are CliErrors', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'broken.json'), '{ nope');
    await expect(extractCommand.run([fixture('div-grid-big5.html'), '--recipes', dir])).rejects.toThrow(
      /broken\.json: not valid JSON/,
    );
    const missing = path.join(tempDir(), 'nothing-here');
    await expect(extractCommand.run([fixture('div-grid-big5.html'), '--recipes', missing])).rejects.toThrow(CliError);
    await expect(extractCommand.run([])).rejects.toThrow(/missing FILE/);
    await expect(extractCommand.run([fixture('div-grid-big5.html'), '--url', 'notaurl'])).rejects.toThrow(/--url/);
    await expect(extractCommand.run([fixture('div-grid-big5.html'), '--bogus'])).rejects.toThrow(CliError);
  });
});
