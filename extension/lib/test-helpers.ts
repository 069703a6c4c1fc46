/** Shared builders for the extension's unit tests (fake-indexeddb stands in for the browser's IndexedDB). */
import 'fake-indexeddb/auto';
import { Issue, type IssueInput } from '@linli/core';
import { openDb } from './db';

let n = 0;
export function freshDb() {
  n += 1;
  return openDb(`linli-test-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`);
}

export function issue(over: Partial<IssueInput> & { title: string }): Issue {
  n += 1;
  return Issue.parse({
    id: `i${n}`,
    description: '',
    source: { url: `https://portal.example.cn/case/${n}`, capturedAt: '2026-05-01T08:00:00+08:00', ...over.source },
    createdAt: '2026-05-01T08:00:00+08:00',
    updatedAt: '2026-05-01T08:00:00+08:00',
    ...over,
  });
}
