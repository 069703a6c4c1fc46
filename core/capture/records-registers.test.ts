import { describe, expect, it } from 'vitest';
import { findHeaderTables } from './header-tables';
import { repeatOneHeading } from './kind-headings';
import { parseHtml } from './node';
import { collectPairs } from './pairs';
import { structureRecords } from './records';
import { createScan } from './scan';
import { pageDateContext } from './zones';

/**
 * Registers and result lists read by their structure: markup written apart from the pages that showed each cause
 * (named in the test), with meaningless class names.
 */
const page = (body: string) => `<html lang="en-AU"><head><title>Register</title></head><body>${body}</body></html>`;

function records(body: string, url: string) {
  const doc = parseHtml(page(body), url);
  const scan = createScan(doc, doc.body!);
  const ctx = pageDateContext({ url, text: doc.body?.textContent ?? '' });
  return structureRecords(scan, collectPairs(scan, findHeaderTables(scan)), ctx, url)?.drafts ?? [];
}

describe('a register of dated entries, each a cell of paragraphs (au-servicesaustralia-foi-disclosure-log-2023-11)', () => {
  const subjects = ['roof repairs', 'library hours', 'parking fines', 'tree removals', 'pool fees'];
  const row = (k: number) => {
    const ref = k === 7 ? '' : ` (REG ${4100 + k}${k === 3 ? ' and 4200' : ''})`;
    return `<tr><td>${(k % 27) + 1} March 2023</td><td><p>Letters about ${subjects[k % 5]} sent in week ${k + 1}${ref}.</p>
      <p>${k + 1} documents released in part. The documents are <a href="#contact">available upon request</a>.</p>
      <p><strong>Sections of the Act</strong>: Section 22<br><strong>Exemptions</strong>: N/A</p></td></tr>`;
  };
  const body = `<h1>Disclosure register</h1><p>What we released.</p><table><thead><tr><th>Date</th><th>Detail</th></tr></thead>
    <tbody>${Array.from({ length: 24 }, (_, k) => row(k)).join('')}</tbody></table><h2 id="contact">Contact us</h2><p>Write to us.</p>`;
  const got = records(body, 'https://agency.example.gov.au/register');

  it('is a list of all its rows, an entry without its reference among them', () => {
    expect(got.length).toBe(24);
    expect(got[7]!.title).toBe('Letters about parking fines sent in week 8.');
  });

  it('names each entry by its first paragraph and numbers it by the reference it closes with, the first of two', () => {
    expect(got[0]!.title).toBe('Letters about roof repairs sent in week 1 (REG 4100).');
    expect(got[0]!.caseNumber).toBe('REG 4100');
    expect(got[3]!.caseNumber).toBe('REG 4103');
    expect(got[0]!.reportedAt?.slice(0, 10)).toBe('2023-03-01');
  });
});

describe('blocks that each repeat one heading', () => {
  const blocks = (head: (k: number) => string) => {
    const doc = parseHtml(
      page(
        `<ul>${[1, 2, 3]
          .map(
            (k) =>
              `<li class="qa">${head(k)}<p>Moved by member ${k}</p><table><tr><td>12</td></tr></table><h4>Did not take part</h4><p>None</p></li>`,
          )
          .join('')}</ul>`,
      ),
      'https://house.example.nl/votes',
    );
    const scan = createScan(doc, doc.body!);
    return repeatOneHeading(scan, Array.from(doc.querySelectorAll('li.qa')));
  };

  it('are records each when each opens with a heading linking to a page of its own (nl-tweedekamer-stemmingsuitslagen-moties-wet-auteurscontractenrecht-2015-02-12)', () => {
    expect(blocks((k) => `<h3><a href="/motion/${k}">Motion ${k} about the arbitration board</a></h3>`)).toBe(false);
  });

  it('are one record’s stages when their headings link nowhere (ca-toronto-tmmis-agenda-item-2024-gg16-12)', () => {
    expect(blocks((k) => `<h3>Committee consideration number ${k}</h3>`)).toBe(true);
  });
});
