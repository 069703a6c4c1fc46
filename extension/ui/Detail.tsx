import { type Issue, Issue as IssueSchema } from '@linli/core';
import { useState } from 'preact/hooks';
import { type MessageKey, t } from '../lib/i18n';
import { current, notice, removeIssue, saveEdited, view } from '../lib/store';
import { IssueForm } from './IssueForm';
import { formatDate } from './Library';

function Row(props: { label: MessageKey; value?: string }) {
  if (!props.value) return null;
  return (
    <>
      <dt>{t(props.label)}</dt>
      <dd>{props.value}</dd>
    </>
  );
}

/** One issue: its fields, the source link, the handling history; editable in place. */
export function Detail() {
  const issue = current.value;
  const [editing, setEditing] = useState<Issue | null>(null);
  if (!issue) return null;
  if (editing) {
    return (
      <form
        class="edit"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = IssueSchema.safeParse(editing);
          if (!r.success) {
            const first = r.error.issues[0]!;
            notice.value = {
              kind: 'error',
              text: t('invalidField', { field: first.path.join('.'), message: first.message }),
            };
            return;
          }
          await saveEdited(r.data);
          setEditing(null);
        }}
      >
        <h2>{t('edit')}</h2>
        <IssueForm idPrefix="e" issue={editing} onChange={setEditing} />
        <div class="actions sticky">
          <button type="submit" class="primary">
            {t('save')}
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            {t('cancel')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <article class="detail" aria-labelledby="detail-title">
      <button type="button" class="link" onClick={() => (view.value = 'library')}>
        ← {t('back')}
      </button>
      <h2 id="detail-title">{issue.title}</h2>
      <p class="meta">
        <span class={`badge st-${issue.status}`}>{t(`st_${issue.status}` as MessageKey)}</span>
        <span>{t('clippedAt', { at: formatDate(issue.createdAt) })}</span>
      </p>
      {issue.source.url && (
        <p>
          <a href={issue.source.url} target="_blank" rel="noopener noreferrer">
            {t('sourceLink')}
          </a>
        </p>
      )}
      <p class="description">{issue.description}</p>
      <dl>
        <Row label="fCategory" value={issue.category} />
        <Row label="fTags" value={issue.tags.join('、')} />
        <Row label="fAddress" value={issue.location.address} />
        <Row label="fReporter" value={issue.reporter.name} />
        <Row label="fPhone" value={issue.reporter.phone} />
        <Row label="fChannel" value={issue.reporter.channel} />
        <Row label="fDepartment" value={issue.department} />
        <Row label="fCaseNumber" value={issue.source.caseNumber} />
        <Row label="fPortal" value={issue.source.portal} />
        <Row label="fReportedAt" value={formatDate(issue.reportedAt)} />
        <Row label="fDuplicateOf" value={issue.duplicateOf} />
      </dl>
      <h3>{t('history')}</h3>
      {issue.updates.length === 0 ? (
        <p>{t('noHistory')}</p>
      ) : (
        <ol class="history">
          {issue.updates.map((u, i) => (
            <li key={i}>
              <span class="meta">
                {formatDate(u.at)} {u.by ?? ''} {u.status ? t(`st_${u.status}` as MessageKey) : ''}
              </span>
              <p>{u.text}</p>
            </li>
          ))}
        </ol>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={() => setEditing(issue)}>
          {t('edit')}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => {
            if (confirm(t('confirmDelete'))) void removeIssue(issue.id);
          }}
        >
          {t('delete')}
        </button>
      </div>
    </article>
  );
}
