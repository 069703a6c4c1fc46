import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { matchLabel } from './labels';
import { parseHtml } from './node';

/**
 * A reply read by its placement when the page's labels are words no table knows (reply-shapes.ts). Each rule names the
 * real page whose label-blind copy showed the cause (test/capture/detail-ablation.ts); the markup here is written
 * apart, its labels checked unknown first.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const read = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW }).issues;

const UNKNOWN = ['甲乙癸', '丙丁癸', '戊己癸', '庚辛癸', '壬癸甲', '子丑寅'];

describe('labels no table knows', () => {
  it('are unknown to the dictionary (else these tests would prove nothing)', () => {
    for (const w of UNKNOWN) expect(matchLabel(w), w).toBeNull();
  });
});

describe('a reply by its placement', () => {
  it('a block whose head line names the answering unit and its day, then the answer (cn-ahxx-xzxx-letter, label-blind)', () => {
    const html = `<html lang="zh-CN"><head><title>某县信箱</title></head><body>
      <h1>小区门前路灯不亮</h1>
      <table class="letter">
        <tr><th>甲乙癸：</th><td>2024031500012</td><th>丙丁癸：</th><td>2024-03-15 09:20</td></tr>
        <tr><th>戊己癸：</th><td colspan="3">我家小区门前的路灯已经坏了一个多月，晚上出行很不方便，希望有关部门尽快修复。</td></tr>
        <tr><th>庚辛癸：</th><td colspan="3"><div class="box">
          <div class="head">壬癸甲：某县城市管理局   子丑寅： 2024-03-20 16:05</div>
          <div class="body"><p>您好！</p><p>经现场核实，该路段路灯线路老化，我局已安排人员更换线路，路灯现已恢复照明。感谢您的监督。</p></div>
        </div></td></tr>
      </table></body></html>`;
    const issue = read(html, 'https://www.example.gov.cn/letter/2024031500012')[0]!;
    expect(issue.updates).toHaveLength(1);
    expect(issue.updates[0]!.by).toBe('某县城市管理局');
    expect(issue.updates[0]!.at).toBe('2024-03-20T16:05:00+08:00');
    expect(issue.updates[0]!.text).toContain('路灯现已恢复照明');
  });
});
