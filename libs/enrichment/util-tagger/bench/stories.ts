/**
 * Deterministic synthetic stories for the tagger benchmark: public-sector sentences (some carry
 * taxonomy phrases, with typographic apostrophes and dashes) mixed with ordinary filler, so the
 * automaton sees both hits and long stretches of text that match nothing.
 */
import type { TagInput } from '../src/index.js';

const TOPICAL = [
  'The council’s cabinet member for children’s services said safeguarding children remained the priority.',
  'Councillors on the overview and scrutiny committee questioned the chief executive of the council.',
  'Ofsted inspectors found that looked-after children were not always seen by a social worker.',
  'The local authority set a council tax rise of 4.99% to protect adult social care budgets.',
  'Police and crime commissioners warned that neighbourhood policing was stretched — again.',
  'NHS England said A&E waiting times at the hospital trust had improved since the winter.',
  'Headteachers at primary schools across the borough raised concerns about school funding.',
  'The metropolitan borough council approved plans for 300 affordable homes on brownfield land.',
  'Rough sleeping in the city centre has doubled, according to the housing association.',
  'The Department for Transport confirmed new funding for bus services and pothole repairs.',
  'A clean air zone will come into force next spring, the Environment Agency confirmed.',
  'MPs on the Public Accounts Committee criticised Whitehall for a lack of oversight.',
  'The unitary authority issued a section 114 notice after a £40m gap in its budget.',
  'Care homes in the county reported shortages of care workers and unpaid carers.',
  'The serious case review found that agencies had missed signs of child sexual exploitation.',
];

const FILLER = (
  'the a of and to in that it was for on with as at by from this had not are but be have which ' +
  'one all were when there would their more an about up out them been into only other some could ' +
  'time these two may then first any like now over such our after most also made many before must ' +
  'through back years where much your way well down should because each just those people take ' +
  'during without again place around however home small found still between never under last ' +
  'might great old year off come since against came right used three states himself few house ' +
  'while along began moment weather garden market evening station morning river window summer ' +
  'village bridge festival music light kitchen coffee quietly painted walked yesterday friends ' +
  'neighbours plans reported meeting spokesperson statement figures residents agreed described ' +
  'expected announced community week month project funding increase local national report'
).split(' ');

/** mulberry32: a tiny seeded PRNG, so every run benchmarks the same stories. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function fillerSentence(random: () => number): string {
  const length = 8 + Math.floor(random() * 14);
  const words = Array.from({ length }, () => pick(random, FILLER));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${random() < 0.2 ? ',' : '.'}`;
}

function buildStory(random: () => number, targetWords: number): TagInput {
  const paragraphs: string[] = [];
  let words = 0;
  while (words < targetWords) {
    const sentences = Array.from({ length: 2 + Math.floor(random() * 4) }, () =>
      random() < 0.25 ? pick(random, TOPICAL) : fillerSentence(random),
    );
    const paragraph = sentences.join(' ');
    words += paragraph.split(' ').length;
    paragraphs.push(paragraph);
  }
  return { headline: fillerSentence(random).slice(0, 90), bodyText: paragraphs.join('\n\n') };
}

/** `count` different stories of about `targetWords` words each. */
export function buildStories(count: number, targetWords: number): TagInput[] {
  const random = seeded(20141118);
  return Array.from({ length: count }, () => buildStory(random, targetWords));
}
