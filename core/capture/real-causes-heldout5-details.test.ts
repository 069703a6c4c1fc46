import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/** Causes found on the held-out-5 and held-out-cn2 detail pages once they had been scored (bylines, titles, labels). */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (title: string, body: string) => `<html><head><title>${title}</title></head><body>${body}</body></html>`;
const first = (html: string, url: string) => extract(html, url).issues[0]!;

describe('real causes: held-out-cn2 message pages', () => {
  it('a greeting under the label that opens a reply is not the author (cn-people-liuyan-wuwei-message-8708439)', () => {
    const reply = (label: string, greeting: string) =>
      `<p class="zoom">${label}<br/>&nbsp;&nbsp;${greeting}<br/>&nbsp;&nbsp;您在留言板反映拖欠工资问题后，市委高度重视，即责成区委核查办理。现回复如下：经核查，情况属实，已督促支付。</p>`;
    for (const [label, greeting] of [
      ['网友：', '您好！'],
      ['网友:', '尊敬的网友：'],
    ] as const) {
      const html = page(
        '关于拖欠工资的问题--人民网领导留言板',
        `<h2>关于拖欠工资的问题</h2><h3><span>任***&nbsp;&nbsp;2020-12-02 15:26</span></h3>
        <p>2019年12月至2020年3月在钢构厂工作，尚欠工资13500元，多次讨要无果，请领导帮忙解决。</p>
        <h3>中共凉州区委办公室</h3>${reply(label, greeting)}`,
      );
      const issue = first(html, 'http://liuyan.people.com.cn/threads/content?tid=8708439');
      expect(issue.reporter.name).toBe('任***');
    }
  });

  it('a title shorter than the site name after it is still the title (cn-sun0769-wenzheng-case-456615)', () => {
    for (const [tag, sep] of [
      ['p class="focus-details"', '-'],
      ['div class="subject"', '_'],
    ] as const) {
      const html = page(
        `车牌进展${sep}阳光热线问政平台`,
        `<div class="crumb"><a href="/">阳光问政</a> &gt; <span>问政详情</span></div>
        <${tag}>车牌进展</${tag.split(' ')[0]}>
        <div class="details-con">5.11在车管所办理了车牌互换业务，当时咨询经办人员说一周内收到车牌，今天只收到其中一个车牌。</div>`,
      );
      expect(first(html, 'http://wz.sun0769.com/political/politics/index?id=456615').title).toBe('车牌进展');
    }
  });

  it('a reply still awaited and the time waited are no updates (cn-sun0769-wenzheng-case-456615)', () => {
    for (const [wait, placeholder, heading] of [
      ['等待回复：27天20小时5分', '正在等待官方回复...', '官方回复'],
      ['已等待：3天', 'Awaiting response.', '部门回复'],
    ] as const) {
      const html = page(
        '车牌进展-阳光热线问政平台',
        `<p class="focus-details">车牌进展</p><div><span>状态：已受理</span><span>编号：246851</span>
        <div class="skillbar"><span>${wait}</span></div></div>
        <div class="details-con">5.11在车管所办理了车牌互换业务，当时咨询经办人员说一周内收到车牌，今天只收到其中一个车牌。</div>
        <div><p class="gf-reply-title">${heading}</p><div class="gf-reply">${placeholder}</div></div>`,
      );
      const issue = first(html, 'http://wz.sun0769.com/political/politics/index?id=456615');
      expect(issue.updates).toEqual([]);
      expect(JSON.stringify(issue)).not.toContain(placeholder.slice(0, 6));
    }
  });
});

describe('real causes: held-out-5 ePathway details', () => {
  it('a header cell is a label over its column, never the value of the header before it (au-wollongong-epathway-da-2019-486-details)', () => {
    for (const [head, second, value] of [
      ['<th title="Address" scope="col">Address</th><th title="Address" scope="col">Ward</th>', 'Ward', '1'],
      ['<th>Site address</th><th>Zone</th>', 'Zone', 'R2'],
    ] as const) {
      const html = page(
        'Application Enquiry - DA-2019/486',
        `<h1>DA-2019/486</h1><table class="ContentPanel"><tr class="ContentPanelHeading">${head}</tr>
        <tr class="ContentPanel"><td><span class="ContentText">10 Napier Street, BALGOWNIE NSW 2519</span></td>
        <td><div class="ContentText">${value}</div></td></tr></table>`,
      );
      const issue = first(
        html,
        'https://epathway.wollongong.nsw.gov.au/ePathway/Production/Web/GeneralEnquiry/EnquiryDetailView.aspx',
      );
      expect(issue.location.address).toBe('10 Napier Street, BALGOWNIE NSW 2519');
      expect(issue.location.address).not.toBe(second);
    }
  });

  it('a register off the council domain takes the zone of the state its address names (au-goldcoast-epathway-mcu-2018-1167-details)', () => {
    for (const [address, offset] of [
      ['Lot 8 RP90257, 264 Coolangatta Road, BILINGA QLD 4225', '+10:00'],
      ['12 Main Street, Perth WA 6000', '+08:00'],
    ] as const) {
      const html = page(
        'Application details',
        `<h1>MCU/2018/1167</h1><div class="field"><span>Lodgement date</span><div>8/11/2018</div></div>
        <div class="field"><span>Application location</span><div>${address}</div></div>`,
      );
      const issue = first(
        html,
        'https://cogc.cloud.infor.com/ePathway/epthprod/Web/GeneralEnquiry/EnquiryDetailView.aspx?Id=1',
      );
      expect(issue.reportedAt).toBe(`2018-11-08T00:00:00${offset}`);
    }
  });

  it("Queensland's assessment stages are in progress (au-goldcoast-epathway-mcu-2018-1167-details)", () => {
    for (const stage of ['Public Notification', 'Information Request']) {
      const html = page(
        'Application details',
        `<h1>MCU/2018/1167</h1><div class="field"><span>Lodgement date</span><div>8/11/2018</div></div>
        <div class="field"><span>Status</span><div>${stage}</div></div>`,
      );
      expect(first(html, 'https://cogc.cloud.infor.com/ePathway/x.aspx?Id=1').status).toBe('in_progress');
    }
  });
});
