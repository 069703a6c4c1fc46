/**
 * The zone a country's domain settles (`.it` → Rome, `.cn` → +08:00): the table zones.ts reads a page's hours by when
 * nothing on the page states them. Each entry added for a page names it.
 */
import type { PageZone } from './zones';

/** China's one zone, +08:00 all year: the default of every page that gives no other. */
export const CHINA_ZONE: PageZone = { offset: 480 };

/**
 * Every country's domain (`.pt`, `.co`, `.il`) → the zone of its capital, the zone of most of its people: an IANA zone,
 * so each date takes the summer time its country kept that day. Countries that span several zones are refined by
 * their states' domains first (zones.ts, state-zones.ts: the United States, Australia, Brazil). Grouped by region,
 * `domain:Zone`, the zone's area (`Europe/`, `America/`…) written once per group. Pages that showed a missing
 * country (each read as UTC before): it-barcellonapg-albo-pretorio-atti-list, dk-aarhus-firstagenda-teknisk-udvalg-referat-2025-10-01,
 * is-umbodsmadur-althingis-f143-2023-hpv-case, za-parliament-na-executive-replies-to-questions-list,
 * no-sauda-acos-politiske-moter-js-shell, nl-denhelder-go-raadsinformatie-raadscommissie-bestuur-en-middelen-2015-10-05,
 * fr-senat-dosleg-pjl07-488-infractions-routieres, eu-vies-vat-validation-gb-677974165 (`.eu`: Brussels, Luxembourg
 * and Strasbourg all keep CET/CEST), cl-chileconvencion-iniciativa-5502-propiedad-privada, and in the thirteenth
 * session pt-parlamento-proposta-de-lei-33-xv-1 (Lisbon: +00:00/+01:00) and
 * co-congresovisible-proyecto-12558-reforma-tributaria (Bogotá: −05:00).
 */
const ZONES_BY_REGION: Readonly<Record<string, string>> = {
  Europe:
    'uk:London gb:London ie:Dublin im:Isle_of_Man je:Jersey gg:Guernsey pt:Lisbon es:Madrid ad:Andorra fr:Paris mc:Monaco be:Brussels nl:Amsterdam lu:Luxembourg de:Berlin at:Vienna ch:Zurich li:Vaduz it:Rome sm:San_Marino va:Vatican mt:Malta dk:Copenhagen no:Oslo se:Stockholm fi:Helsinki ee:Tallinn lv:Riga lt:Vilnius pl:Warsaw cz:Prague sk:Bratislava hu:Budapest si:Ljubljana hr:Zagreb ba:Sarajevo rs:Belgrade me:Podgorica mk:Skopje al:Tirane gr:Athens bg:Sofia ro:Bucharest md:Chisinau ua:Kyiv by:Minsk ru:Moscow tr:Istanbul gi:Gibraltar',
  Atlantic: 'is:Reykjavik fo:Faroe cv:Cape_Verde',
  Asia: 'cy:Nicosia il:Jerusalem ps:Hebron lb:Beirut sy:Damascus jo:Amman iq:Baghdad ir:Tehran sa:Riyadh kw:Kuwait bh:Bahrain qa:Qatar ae:Dubai om:Muscat ye:Aden ge:Tbilisi am:Yerevan az:Baku kz:Almaty uz:Tashkent tm:Ashgabat kg:Bishkek tj:Dushanbe af:Kabul pk:Karachi in:Kolkata lk:Colombo np:Kathmandu bt:Thimphu bd:Dhaka mm:Yangon th:Bangkok la:Vientiane kh:Phnom_Penh vn:Ho_Chi_Minh my:Kuala_Lumpur sg:Singapore bn:Brunei id:Jakarta tl:Dili ph:Manila tw:Taipei hk:Hong_Kong mo:Macau mn:Ulaanbaatar kr:Seoul kp:Pyongyang jp:Tokyo',
  Africa:
    'eg:Cairo ly:Tripoli tn:Tunis dz:Algiers ma:Casablanca mr:Nouakchott sn:Dakar gm:Banjul gw:Bissau gn:Conakry sl:Freetown lr:Monrovia ci:Abidjan ml:Bamako bf:Ouagadougou gh:Accra tg:Lome bj:Porto-Novo ne:Niamey ng:Lagos td:Ndjamena cm:Douala cf:Bangui gq:Malabo ga:Libreville cg:Brazzaville cd:Kinshasa ao:Luanda st:Sao_Tome sd:Khartoum ss:Juba er:Asmara et:Addis_Ababa dj:Djibouti so:Mogadishu ke:Nairobi ug:Kampala rw:Kigali bi:Bujumbura tz:Dar_es_Salaam zm:Lusaka mw:Blantyre mz:Maputo zw:Harare bw:Gaborone na:Windhoek za:Johannesburg ls:Maseru sz:Mbabane',
  Indian: 'mg:Antananarivo mu:Mauritius sc:Mahe km:Comoro mv:Maldives',
  America:
    'ca:Toronto us:New_York mx:Mexico_City gt:Guatemala bz:Belize sv:El_Salvador hn:Tegucigalpa ni:Managua cr:Costa_Rica pa:Panama cu:Havana jm:Jamaica ht:Port-au-Prince do:Santo_Domingo bs:Nassau bb:Barbados tt:Port_of_Spain ag:Antigua dm:Dominica gd:Grenada kn:St_Kitts lc:St_Lucia vc:St_Vincent co:Bogota ve:Caracas gy:Guyana sr:Paramaribo ec:Guayaquil pe:Lima bo:La_Paz br:Sao_Paulo py:Asuncion uy:Montevideo ar:Argentina/Buenos_Aires cl:Santiago',
  Australia: 'au:Sydney',
  Pacific:
    'nz:Auckland fj:Fiji pg:Port_Moresby sb:Guadalcanal vu:Efate nc:Noumea pf:Tahiti ws:Apia to:Tongatapu tv:Funafuti ki:Tarawa nr:Nauru fm:Pohnpei mh:Majuro pw:Palau',
};

function countryZones(): Record<string, PageZone> {
  const out: Record<string, PageZone> = {};
  for (const [area, pairs] of Object.entries(ZONES_BY_REGION)) {
    for (const pair of pairs.split(' ')) {
      const [domain, city] = pair.split(':') as [string, string];
      out[domain] = { iana: `${area}/${city}` };
    }
  }
  // The European Union's own domain.
  out.eu = { iana: 'Europe/Brussels' };
  return out;
}

/** Country domain → zone; China's a fixed +08:00, as every Chinese page defaults to. */
export const COUNTRY_ZONES: Record<string, PageZone> = {
  ...countryZones(),
  cn: CHINA_ZONE,
};

/**
 * Country domains sold worldwide for what their letters spell (`.co` company, `.io`, `.tv`, `.me`, `.fm`): the
 * country only under the second-level domains its own government, schools and firms use (`uniandes.edu.co`,
 * `minsalud.gov.co`), never a start-up's `example.co`.
 */
const SOLD_WORLDWIDE = new Set('ac ag ai am cc co fm gg io la ly me ms nu sh so st tk to tv vc ws'.split(' '));
const NATIONAL_SPHERES = new Set(
  'gov gob gouv go govt gv edu ac org com net mil nic int sch res info co or ne lg'.split(' '),
);

/** The country a host's domain names (`www.parlamento.pt` → `pt`, `uniandes.edu.co` → `co`), if any. */
export function hostCountry(host: string): string | undefined {
  const parts = host.split('.');
  const tld = parts[parts.length - 1] ?? '';
  if (!(tld in COUNTRY_ZONES)) return undefined;
  if (!SOLD_WORLDWIDE.has(tld)) return tld;
  return parts.length >= 3 && NATIONAL_SPHERES.has(parts[parts.length - 2]!) ? tld : undefined;
}

/**
 * Languages spoken where one zone holds (Dutch: the Netherlands and Flanders, both on CET/CEST), and a few of their
 * commonest words, none of them English, German or Afrikaans words: a page on a host that names no country and in
 * no language its markup states is read in that zone when its text is written in one. Page:
 * be-boortmeerbeek-meetingburger-gemeenteraad-agenda-2024-04-22 (Meeting.burger on a `.net` host, no `lang`; its
 * `22 april 2024 20:00` read as UTC before).
 */
const WRITTEN_IN: ReadonlyArray<{ words: RegExp; zone: PageZone }> = [
  { words: /(?<!\p{L})(?:wordt|worden|niet|zijn|het|een|voor|bij)(?!\p{L})/giu, zone: { iana: 'Europe/Brussels' } },
];
// How many of those words, and how many of them different, make a text one in that language.
const MIN_WORDS = 12;
const MIN_DISTINCT = 4;
const READ_CHARS = 200_000;

/** The zone of the one-zone language the text is written in, or undefined. */
export function writtenInZone(text: string): PageZone | undefined {
  const head = text.slice(0, READ_CHARS);
  for (const { words, zone } of WRITTEN_IN) {
    const found = head.match(words);
    if (!found || found.length < MIN_WORDS) continue;
    if (new Set(found.map((w) => w.toLowerCase())).size >= MIN_DISTINCT) return zone;
  }
  return undefined;
}
