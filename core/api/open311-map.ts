import { maskPhoneField, maskText } from '../capture/mask';
import { type Issue, type IssueInput, open311Status } from '../models/issue';
import {
  OPEN311_DEFAULT_DAYS,
  OPEN311_MAX_RESULTS,
  type Open311CreateRequest,
  type Open311ListQuery,
  type Open311Service,
  type Open311ServiceRequest,
} from './open311';

/**
 * The one place Issue ↔ Open311 is translated: the service catalogue, Issue → ServiceRequest (public: no reporter
 * data), POST form → Issue, and the list filters of `requests.json`.
 */

interface CatalogueEntry {
  code: string;
  /** zh-CN name, also the Issue's `category`. */
  name: string;
  description: string;
  keywords: string;
  /** The group when no department (承办单位) fits. */
  group: string;
  /** Words in a department's name that make it the natural 承办单位 for this service. */
  departmentHints: string[];
}

/** The categories a 街道 hotline sorts its calls into (12345 / 街道热线). */
export const OPEN311_CATALOGUE: readonly CatalogueEntry[] = [
  {
    code: 'property',
    name: '物业管理',
    description: 'Property management: building upkeep, management fees, property company service.',
    keywords: '物业,维修,物业费,property',
    group: '住房管理',
    departmentHints: ['房管', '物业', '住房'],
  },
  {
    code: 'sanitation',
    name: '市容环境卫生',
    description: 'Street cleanliness and city appearance: litter, dirty public areas, street stalls, signage.',
    keywords: '市容,环境,卫生,保洁,sanitation',
    group: '城市管理',
    departmentHints: ['市容', '环卫', '城管'],
  },
  {
    code: 'greening',
    name: '绿化养护',
    description: 'Greenery upkeep: trees, hedges and lawns needing pruning, watering or replacement.',
    keywords: '绿化,树木,草坪,修剪,greening',
    group: '城市管理',
    departmentHints: ['绿化', '市容'],
  },
  {
    code: 'roads',
    name: '道路设施',
    description: 'Roads and street furniture: potholes, broken pavements, manholes, street lights.',
    keywords: '道路,路面,井盖,路灯,roads',
    group: '城市管理',
    departmentHints: ['市政', '道路', '城建', '城管'],
  },
  {
    code: 'illegal-building',
    name: '违法搭建',
    description: 'Unauthorised construction: illegal extensions, enclosures and rooftop structures.',
    keywords: '违建,违法搭建,拆违,illegal construction',
    group: '城市管理',
    departmentHints: ['城管', '执法', '拆违'],
  },
  {
    code: 'noise',
    name: '噪声扰民',
    description: 'Noise nuisance: construction at night, shops, neighbours, equipment.',
    keywords: '噪声,噪音,扰民,noise',
    group: '生态环境',
    departmentHints: ['环保', '生态', '城管'],
  },
  {
    code: 'parking',
    name: '停车管理',
    description: 'Parking: illegal parking, blocked fire lanes, residential parking spaces.',
    keywords: '停车,车位,乱停,parking',
    group: '交通',
    departmentHints: ['交警', '停车', '交通'],
  },
  {
    code: 'elevator',
    name: '加装电梯',
    description: 'Adding lifts to existing multi-storey housing: consultation, approval and construction.',
    keywords: '加装电梯,电梯,elevator,lift',
    group: '住房管理',
    departmentHints: ['房管', '住房', '电梯'],
  },
  {
    code: 'waste-sorting',
    name: '垃圾分类',
    description: 'Waste sorting: collection points, bins, bulky and renovation waste.',
    keywords: '垃圾分类,垃圾,回收,waste',
    group: '城市管理',
    departmentHints: ['环卫', '垃圾', '市容'],
  },
  {
    code: 'other',
    name: '其他',
    description: 'Anything else for the neighbourhood office (街道办事处).',
    keywords: '其他,other',
    group: '综合',
    departmentHints: [],
  },
];

const OTHER = OPEN311_CATALOGUE[OPEN311_CATALOGUE.length - 1] as CatalogueEntry;

export function findService(code: string): CatalogueEntry | undefined {
  return OPEN311_CATALOGUE.find((s) => s.code === code);
}

/** An Issue's category (zh name, or a service code) as a catalogue entry; anything unknown is 其他. */
export function serviceForCategory(category: string | undefined): CatalogueEntry {
  if (!category) return OTHER;
  const c = category.trim();
  return OPEN311_CATALOGUE.find((s) => s.name === c || s.code === c) ?? OTHER;
}

function departmentFor(entry: CatalogueEntry, departments: readonly string[]): string | undefined {
  return departments.find((d) => entry.departmentHints.some((hint) => d.includes(hint)));
}

/** `services.json`: each service grouped under the existing department (承办单位) that naturally takes it. */
export function open311Services(departments: readonly string[]): Open311Service[] {
  return OPEN311_CATALOGUE.map((s) => ({
    service_code: s.code,
    service_name: s.name,
    description: s.description,
    metadata: false,
    type: 'realtime',
    keywords: s.keywords,
    group: departmentFor(s, departments) ?? s.group,
  }));
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
const maskedOrNull = (v: string | undefined) => (v ? maskText(v) : null);

/**
 * Issue → public ServiceRequest. The reporter (name, phone, channel) is left out whole; free text is masked again
 * because staff may have typed a number into an update.
 */
export function toServiceRequest(issue: Issue): Open311ServiceRequest {
  const service = serviceForCategory(issue.category);
  const lastNote = [...issue.updates].reverse().find((u) => u.text.trim() !== '');
  const media = issue.attachments.find((a) => a.kind === 'image') ?? issue.attachments[0];
  return {
    service_request_id: issue.id,
    status: open311Status(issue.status),
    status_notes: maskedOrNull(lastNote?.text),
    service_name: service.name,
    service_code: service.code,
    description: maskText(issue.description.trim() || issue.title),
    agency_responsible: orNull(issue.department),
    service_notice: null,
    requested_datetime: issue.reportedAt ?? issue.createdAt,
    updated_datetime: issue.updatedAt,
    expected_datetime: null,
    address: maskedOrNull(issue.location.address),
    address_id: null,
    zipcode: null,
    lat: orNull(issue.location.lat),
    long: orNull(issue.location.lng),
    media_url: media ? media.url : null,
  };
}

const TITLE_MAX = 60;

/**
 * A POSTed request → a new Issue (status `new`, source.portal `open311`). The phone is masked the way captured
 * issues are before anything is stored; e-mail, device and account ids are not kept.
 */
export function issueFromOpen311(form: Open311CreateRequest, ids: { id: string; now: string }): IssueInput {
  const service = findService(form.service_code) ?? OTHER;
  const description = form.description ? maskText(form.description) : '';
  const firstLine = description.split('\n')[0]?.trim() ?? '';
  const title = firstLine ? firstLine.slice(0, TITLE_MAX) : service.name;
  const name = [form.last_name, form.first_name].filter(Boolean).join('');
  const address = form.address_string ?? form.address_id;
  return {
    id: ids.id,
    title,
    description,
    category: service.name,
    location: {
      ...(address ? { address: maskText(address) } : {}),
      ...(form.lat !== undefined && form.long !== undefined ? { lat: form.lat, lng: form.long } : {}),
    },
    reporter: {
      ...(name ? { name } : {}),
      ...(form.phone ? { phone: maskPhoneField(form.phone) } : {}),
      channel: 'open311',
    },
    source: { portal: 'open311', capturedAt: ids.now },
    reportedAt: ids.now,
    status: 'new',
    attachments: form.media_url ? [{ url: form.media_url, kind: 'image' }] : [],
    createdAt: ids.now,
    updatedAt: ids.now,
  };
}

const DAY_MS = 86_400_000;

/**
 * `requests.json` filters over Issues. Ids given → exactly those (the spec: other filters are then ignored).
 * Without dates the window is the last 90 days; newest first, at most 1000.
 */
export function filterServiceRequests(issues: readonly Issue[], query: Open311ListQuery, now: Date): Issue[] {
  if (query.service_request_id?.length) {
    const wanted = new Set(query.service_request_id);
    return issues.filter((i) => wanted.has(i.id)).slice(0, OPEN311_MAX_RESULTS);
  }
  const end = query.end_date ? Date.parse(query.end_date) : Number.POSITIVE_INFINITY;
  const start = query.start_date
    ? Date.parse(query.start_date)
    : query.end_date
      ? end - OPEN311_DEFAULT_DAYS * DAY_MS
      : now.getTime() - OPEN311_DEFAULT_DAYS * DAY_MS;
  const codes = query.service_code?.length ? new Set(query.service_code) : undefined;
  const statuses = query.status?.length ? new Set(query.status) : undefined;
  const requested = (i: Issue) => Date.parse(i.reportedAt ?? i.createdAt);
  return issues
    .filter((i) => {
      const at = requested(i);
      if (at < start || at > end) return false;
      if (codes && !codes.has(serviceForCategory(i.category).code)) return false;
      if (statuses && !statuses.has(open311Status(i.status))) return false;
      return true;
    })
    .sort((a, b) => requested(b) - requested(a))
    .slice(0, OPEN311_MAX_RESULTS);
}
