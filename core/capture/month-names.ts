/**
 * Month names as portals print them (English, German, Dutch, Indonesian, French, Spanish; Ukrainian in the genitive
 * that dates use: `11 грудня 2025`), for `./dates`: kept apart so the date shapes stay readable on their own.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // German (de-partei-luebeck-petition-post: `Donnerstag, 31. Mai 2012`); Austrian `Jänner`.
  jän: 1,
  mär: 3,
  mae: 3,
  mai: 5,
  okt: 10,
  dez: 12,
  // French (fr-assemblee-nationale-amendement-cl4-996: `21 novembre 2014`; the Sénat's `23 juillet 2008`), read
  // without accents: `févr.`, `août`, `déc.`; juin and juillet share three letters (monthOf).
  janv: 1,
  fev: 2,
  avr: 4,
  aou: 8,
  // Dutch (nl-tweedekamer-motie-33308-13-geschillencommissie-verworpen: `10 februari 2015`): `maart`, `mei`, `mrt`.
  maa: 3,
  mrt: 3,
  mei: 5,
  // Spanish (`9 de abril de 2024`), the Flemish meeting pages' kind in Spain's councils; `setiembre` as Peru writes it.
  ene: 1,
  abr: 4,
  ago: 8,
  set: 9,
  dic: 12,
  // Ukrainian, in the genitive a date writes (ua-petition-president-22-256946-bibik: `11 грудня 2025`).
  січ: 1,
  лют: 2,
  бер: 3,
  кві: 4,
  тра: 5,
  чер: 6,
  лип: 7,
  сер: 8,
  вер: 9,
  жов: 10,
  лис: 11,
  гру: 12,
};
export const MONTH_NAME =
  '(jan(?:uary|uari|uar)?|jän(?:ner)?|feb(?:ruary|ruari|ruar)?|mar(?:ch)?|märz|maerz|maart|mrt|mei|apr(?:il)?|may|mai|june?|juni|july?|juli|aug(?:ustus|ust)?|sept?(?:ember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?|janv(?:ier)?|f[ée]vr?(?:ier)?|mars|avr(?:il)?|juin|juil(?:let)?|ao[uû]t|septembre|octobre|novembre|d[ée]c(?:embre)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)\\.?';

/** A printed month name → its number (1–12), or 0 when it names none. */
export function monthOf(name: string): number {
  const key = name
    .toLowerCase()
    .replace('.', '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  if (key.startsWith('jui')) return key.startsWith('juil') ? 7 : 6;
  return MONTHS[key.slice(0, key.startsWith('sept') ? 4 : 3)] ?? 0;
}
