import { AttachmentKind, type Issue, type IssueStatus } from '@linli/core';
import { maskPhoneField } from '@linli/core/capture';
import { STATUSES } from '../lib/db';
import { type MessageKey, t } from '../lib/i18n';

/** `2026-05-03T09:30:00+08:00` → the wall-clock `2026-05-03T09:30` and its offset `+08:00`. */
export function splitIso(iso: string | undefined): { local: string; offset: string } {
  if (!iso) return { local: '', offset: '+08:00' };
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  return m ? { local: m[1]!, offset: m[2]! } : { local: '', offset: '+08:00' };
}

/** Now, in the browser's own zone with its offset (what staff mean by "now"). */
export function localNow(d = new Date()): string {
  const off = -d.getTimezoneOffset();
  const p = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, 19);
  return `${local}${off >= 0 ? '+' : '-'}${p(off / 60)}:${p(off % 60)}`;
}

const opt = (v: string) => (v.trim() === '' ? undefined : v);
const splitTags = (v: string) =>
  v
    .split(/[,，、;；]/)
    .map((s) => s.trim())
    .filter(Boolean);

interface Props {
  issue: Issue;
  onChange: (issue: Issue) => void;
  idPrefix: string;
}

function Field(props: { id: string; label: MessageKey; children: preact.ComponentChildren; wide?: boolean }) {
  return (
    <div class={props.wide ? 'field wide' : 'field'}>
      <label for={props.id}>{t(props.label)}</label>
      {props.children}
    </div>
  );
}

/** Every field of an Issue, editable; the phone stays masked whatever is typed. */
export function IssueForm({ issue, onChange, idPrefix }: Props) {
  const set = (patch: Partial<Issue>) => onChange({ ...issue, ...patch });
  const id = (name: string) => `${idPrefix}-${name}`;
  const text = (name: string, label: MessageKey, value: string | undefined, apply: (v: string) => void) => (
    <Field id={id(name)} label={label}>
      <input id={id(name)} value={value ?? ''} onInput={(e) => apply(e.currentTarget.value)} />
    </Field>
  );
  const when = splitIso(issue.reportedAt);
  return (
    <div class="form">
      <Field id={id('title')} label="fTitle" wide>
        <input id={id('title')} required value={issue.title} onInput={(e) => set({ title: e.currentTarget.value })} />
      </Field>
      <Field id={id('description')} label="fDescription" wide>
        <textarea
          id={id('description')}
          rows={5}
          value={issue.description}
          onInput={(e) => set({ description: e.currentTarget.value })}
        />
      </Field>
      <Field id={id('status')} label="fStatus">
        <select
          id={id('status')}
          value={issue.status}
          onChange={(e) => set({ status: e.currentTarget.value as IssueStatus })}
        >
          {STATUSES.map((s) => (
            <option value={s} key={s}>
              {t(`st_${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </Field>
      {text('category', 'fCategory', issue.category, (v) => set({ category: opt(v) }))}
      <Field id={id('tags')} label="fTags">
        <input
          id={id('tags')}
          value={issue.tags.join('、')}
          placeholder={t('tagsHint')}
          onChange={(e) => set({ tags: splitTags(e.currentTarget.value) })}
        />
      </Field>
      <Field id={id('reportedAt')} label="fReportedAt">
        <input
          id={id('reportedAt')}
          type="datetime-local"
          value={when.local}
          onChange={(e) => {
            const v = e.currentTarget.value;
            set({ reportedAt: v ? `${v}:00${when.offset}` : undefined });
          }}
        />
      </Field>
      {text('address', 'fAddress', issue.location.address, (v) =>
        set({ location: { ...issue.location, address: opt(v) } }),
      )}
      <div class="pair">
        <Field id={id('lat')} label="fLat">
          <input
            id={id('lat')}
            inputMode="decimal"
            value={issue.location.lat ?? ''}
            onChange={(e) => {
              const n = Number(e.currentTarget.value);
              set({
                location: { ...issue.location, lat: e.currentTarget.value && Number.isFinite(n) ? n : undefined },
              });
            }}
          />
        </Field>
        <Field id={id('lng')} label="fLng">
          <input
            id={id('lng')}
            inputMode="decimal"
            value={issue.location.lng ?? ''}
            onChange={(e) => {
              const n = Number(e.currentTarget.value);
              set({
                location: { ...issue.location, lng: e.currentTarget.value && Number.isFinite(n) ? n : undefined },
              });
            }}
          />
        </Field>
      </div>
      {text('reporter', 'fReporter', issue.reporter.name, (v) =>
        set({ reporter: { ...issue.reporter, name: opt(v) } }),
      )}
      <Field id={id('phone')} label="fPhone">
        <input
          id={id('phone')}
          value={issue.reporter.phone ?? ''}
          onChange={(e) =>
            set({
              reporter: {
                ...issue.reporter,
                phone: opt(e.currentTarget.value) && maskPhoneField(e.currentTarget.value),
              },
            })
          }
        />
      </Field>
      {text('channel', 'fChannel', issue.reporter.channel, (v) =>
        set({ reporter: { ...issue.reporter, channel: opt(v) } }),
      )}
      {text('department', 'fDepartment', issue.department, (v) => set({ department: opt(v) }))}
      {text('caseNumber', 'fCaseNumber', issue.source.caseNumber, (v) =>
        set({ source: { ...issue.source, caseNumber: opt(v) } }),
      )}
      {text('portal', 'fPortal', issue.source.portal, (v) => set({ source: { ...issue.source, portal: opt(v) } }))}
      {text('url', 'fUrl', issue.source.url, (v) => set({ source: { ...issue.source, url: opt(v) } }))}
      {text('pageTitle', 'fPageTitle', issue.source.pageTitle, (v) =>
        set({ source: { ...issue.source, pageTitle: opt(v) } }),
      )}
      {text('duplicateOf', 'fDuplicateOf', issue.duplicateOf, (v) => set({ duplicateOf: opt(v) }))}
      <fieldset class="wide">
        <legend>{t('fUpdates')}</legend>
        {issue.updates.map((u, i) => (
          <div class="update-edit" key={i}>
            <textarea
              aria-label={`${t('updateText')} ${i + 1}`}
              rows={2}
              value={u.text}
              onInput={(e) =>
                set({ updates: issue.updates.map((x, j) => (j === i ? { ...x, text: e.currentTarget.value } : x)) })
              }
            />
            <input
              aria-label={`${t('updateBy')} ${i + 1}`}
              placeholder={t('updateBy')}
              value={u.by ?? ''}
              onInput={(e) =>
                set({ updates: issue.updates.map((x, j) => (j === i ? { ...x, by: opt(e.currentTarget.value) } : x)) })
              }
            />
            <input
              aria-label={`${t('updateAt')} ${i + 1}`}
              type="datetime-local"
              value={splitIso(u.at).local}
              onChange={(e) => {
                const v = e.currentTarget.value;
                const offset = splitIso(u.at).offset;
                set({
                  updates: issue.updates.map((x, j) =>
                    j === i ? { ...x, at: v ? `${v}:00${offset}` : undefined } : x,
                  ),
                });
              }}
            />
            <select
              aria-label={`${t('fStatus')} ${i + 1}`}
              value={u.status ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value as IssueStatus | '';
                set({ updates: issue.updates.map((x, j) => (j === i ? { ...x, status: v || undefined } : x)) });
              }}
            >
              <option value="">—</option>
              {STATUSES.map((st) => (
                <option value={st} key={st}>
                  {t(`st_${st}` as MessageKey)}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => set({ updates: issue.updates.filter((_, j) => j !== i) })}>
              {t('remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set({ updates: [...issue.updates, { text: '', at: localNow() }] })}>
          {t('addUpdate')}
        </button>
      </fieldset>
      <fieldset class="wide">
        <legend>{t('fAttachments')}</legend>
        {issue.attachments.map((a, i) => (
          <div class="update-edit" key={i}>
            <input
              aria-label={`${t('fAttachments')} ${i + 1}`}
              value={a.url}
              onInput={(e) =>
                set({
                  attachments: issue.attachments.map((x, j) => (j === i ? { ...x, url: e.currentTarget.value } : x)),
                })
              }
            />
            <select
              aria-label={`${t('fAttachments')} ${i + 1} kind`}
              value={a.kind}
              onChange={(e) =>
                set({
                  attachments: issue.attachments.map((x, j) =>
                    j === i ? { ...x, kind: e.currentTarget.value as typeof a.kind } : x,
                  ),
                })
              }
            >
              {AttachmentKind.options.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => set({ attachments: issue.attachments.filter((_, j) => j !== i) })}>
              {t('remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set({ attachments: [...issue.attachments, { url: '', kind: 'link' }] })}>
          {t('addAttachment')}
        </button>
      </fieldset>
    </div>
  );
}
