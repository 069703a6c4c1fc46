import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Causes the eleventh session's one scoring showed on a parliament's page of one paper (a motion under its bill) and on
 * Chinese consultation notices; the markup here is written apart from the real pages.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

describe('a parliament paper under its dossier (nl-tweedekamer-motie-33308-13-geschillencommissie-verworpen)', () => {
  // Another house's amendment page: the <title> is the bill's, the header names the paper's kind, its fields and its
  // own heading; the vote's outcome follows.
  const html = `<html lang="en"><head><title>Water Resources (Abstraction Licensing) Bill | House of Keys</title></head>
    <body><div id="nav"><a href="/">Home</a><ul><li><a href="/bills">Bills</a></li></ul></div>
    <div id="header"><div class="crumbs"><a href="/">Home</a> › <a href="/papers">Papers</a></div>
      <div class="paper-head"><h1>Amendment</h1><dl>
        <dt>Number</dt><dd>2871-4</dd>
        <dt>Submitted by</dt><dd><a href="/members/quayle">Ann Quayle</a>, Member for Ramsey</dd>
        <dt>Date of tabling</dt><dd>3 March 2022</dd></dl></div>
      <p class="paper-title">Amendment by Ms Quayle to exempt farm ponds from licensing</p></div>
    <div id="content"><h2>Vote</h2><p>Decision: <span>Negatived.</span></p></div></body></html>`;

  it('reads the paper from its header: its own heading, number, mover and day', () => {
    const [issue] = extract(html, 'https://www.example-keys.im/papers/2871-4').issues;
    expect(issue!.title).toBe('Amendment by Ms Quayle to exempt farm ponds from licensing');
    expect(issue!.source.caseNumber).toBe('2871-4');
    expect(issue!.reporter.name).toContain('Ann Quayle');
    expect(issue!.reportedAt).toBe('2022-03-03T00:00:00+00:00');
  });

  it('reads the vote words of a house as the paper’s status', () => {
    const dutch = html.replace('Decision: <span>Negatived.</span>', 'Besluit: <span>Verworpen.</span>');
    expect(extract(html, 'https://www.example-keys.im/papers/2871-4').issues[0]!.status).toBe('rejected');
    expect(extract(dutch, 'https://www.example-keys.im/papers/2871-4').issues[0]!.status).toBe('rejected');
    const carried = html.replace('Negatived.', 'Aangenomen.');
    expect(extract(carried, 'https://www.example-keys.im/papers/2871-4').issues[0]!.status).toBe('resolved');
  });

  it('reads a Dutch paper’s submitter and day', () => {
    const nl = html
      .replace('Submitted by', 'Indiener')
      .replace('Date of tabling', 'Publicatiedatum')
      .replace('3 March 2022', '17 maart 2022');
    const [issue] = extract(nl, 'https://www.example-kamer.nl/stukken/2871-4').issues;
    expect(issue!.reporter.name).toContain('Ann Quayle');
    expect(issue!.reportedAt?.slice(0, 10)).toBe('2022-03-17');
  });
});
