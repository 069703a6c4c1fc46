import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * A tender notice whose body holds a whole document pasted into a `<div>` (`<!doctype html><html><head><title>…
 * <style>…</head><body>…`). Linkedom keeps the nested `<html>`/`<head>`; a browser's parser drops those tags and keeps
 * `<meta>`, `<title>` and `<style>` as elements of the div — written here as the browser leaves them. In neither tree
 * is the stylesheet or the pasted document's `<title>` any of the notice's words. Page:
 * cn-jsggzy-nanjing-metro-tender-notice (its description was the stylesheet in Chromium).
 */
const css = '*{margin:0;padding:0}body{margin:0 1.89cm;font-family:宋体,simsun,serif;font-size:10.5pt;color:#000}';
const notice = `<div class="MsoNormal">一、招标条件</div>
  <div class="MsoNormal">本招标项目南京地铁1号线机电系统设备更新改造项目已由南京市发展和改革委员会批准建设，项目业主为南京地铁运营有限责任公司，建设资金来自企业自筹，项目已具备招标条件，现对该项目进行公开招标。</div>
  <div class="MsoNormal">二、项目概况与招标范围</div>
  <div class="MsoNormal">建设地点：南京</div>`;
const page = (inner: string) => `<!DOCTYPE html><html><head><title>江苏省公共资源交易网</title></head><body>
  <div class="ewb-trade-h"><h3>南京地铁1号线通风空调节能控制系统采购集成招标公告</h3></div>
  <div class="ewb-trade-right">${inner}</div></body></html>`;
const asPasted = `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Title</title><style>${css}</style></head><body>${notice}</body></html>`;
const asBrowserKeepsIt = `<meta charset="UTF-8"><title>Title</title><style>${css}</style>${notice}`;

describe('a document pasted inside the page body', () => {
  for (const [tree, inner] of [
    ['as linkedom parses it', asPasted],
    ['as a browser parses it', asBrowserKeepsIt],
  ] as const) {
    it(`gives the notice's text as the description, never its stylesheet or its <title> (${tree})`, () => {
      const { issues } = extractIssues(parseHtml(page(inner)), { now: new Date('2026-06-02T00:00:00Z') });
      expect(issues).toHaveLength(1);
      const issue = issues[0]!;
      expect(issue.description).toContain('项目已具备招标条件');
      expect(issue.description).not.toContain('margin');
      expect(issue.title).not.toBe('Title');
      expect(JSON.stringify(issue)).not.toContain('font-family');
    });
  }
});
