import { Issue } from '@linli/core';
import { useState } from 'preact/hooks';
import { locale, type MessageKey, t } from '../lib/i18n';
import {
  clipKind,
  clipNotes,
  drafts,
  includeDraft,
  notice,
  saveDrafts,
  updateDraft,
  updateStored,
  view,
} from '../lib/store';
import { IssueForm } from './IssueForm';

const FIELD_LABELS: Record<string, MessageKey> = {
  title: 'fTitle',
  description: 'fDescription',
  category: 'fCategory',
  tags: 'fTags',
  location: 'fAddress',
  reporter: 'fReporter',
  department: 'fDepartment',
  source: 'fUrl',
  reportedAt: 'fReportedAt',
  status: 'fStatus',
  updates: 'fUpdates',
  attachments: 'fAttachments',
};

/** The clipped issues, each editable, with its duplicate hints; a list page shows every row with a checkbox. */
export function EditView() {
  const list = drafts.value;
  const isList = clipKind.value === 'list' || list.length > 1;
  const chosen = list.filter((d) => d.include).length;
  const [open, setOpen] = useState<number | null>(list.length === 1 ? 0 : null);

  const onSave = async (e: Event) => {
    e.preventDefault();
    for (const d of list.filter((x) => x.include)) {
      const r = Issue.safeParse(d.issue);
      if (!r.success) {
        const first = r.error.issues[0]!;
        const key = FIELD_LABELS[String(first.path[0])] ?? 'fTitle';
        notice.value = { kind: 'error', text: t('invalidField', { field: t(key), message: first.message }) };
        return;
      }
    }
    await saveDrafts();
  };

  return (
    <form class="edit" onSubmit={onSave} aria-labelledby="edit-title">
      <h2 id="edit-title">{t('editTitle')}</h2>
      <p>{t('draftsFound', { n: list.length })}</p>
      {isList && <p class="hint">{t('listHint')}</p>}
      {clipNotes.value.length > 0 && (
        <ul class="notes">
          {clipNotes.value.map((n) => (
            <li key={n.code + n.message}>{locale.value === 'en' ? n.message : n.messageZh}</li>
          ))}
        </ul>
      )}
      <ul class="drafts">
        {list.map((d, i) => (
          <li key={d.issue.id} class="draft">
            <div class="draft-head">
              {isList && (
                <input
                  type="checkbox"
                  aria-label={d.issue.title}
                  checked={d.include}
                  onChange={(e) => includeDraft(i, e.currentTarget.checked)}
                />
              )}
              <button
                type="button"
                class="link"
                aria-expanded={open === i}
                onClick={() => setOpen(open === i ? null : i)}
              >
                {d.issue.title}
              </button>
            </div>
            {d.hints.map((h) =>
              h.kind === 'certain' ? (
                <div class="dup certain" role="alert" key={h.issue.id}>
                  <span>{t('certainDup', { reason: t(h.reason === 'caseNumber' ? 'reasonCase' : 'reasonUrl') })}</span>
                  <button type="button" onClick={() => updateStored(i, h.issue.id)}>
                    {t('updateStored')}
                  </button>
                </div>
              ) : (
                <div class="dup similar" key={h.issue.id}>
                  <span>{t('similarDup', { title: h.issue.title, score: Math.round(h.score * 100) })}</span>
                  <button type="button" onClick={() => updateDraft(i, { ...d.issue, duplicateOf: h.issue.id })}>
                    {t('markDuplicate')}
                  </button>
                </div>
              ),
            )}
            {open === i && <IssueForm idPrefix={`d${i}`} issue={d.issue} onChange={(issue) => updateDraft(i, issue)} />}
          </li>
        ))}
      </ul>
      <div class="actions sticky">
        <button type="submit" class="primary" disabled={chosen === 0}>
          {isList ? t('saveSelected', { n: chosen }) : t('save')}
        </button>
        <button
          type="button"
          onClick={() => {
            drafts.value = [];
            view.value = 'library';
          }}
        >
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
