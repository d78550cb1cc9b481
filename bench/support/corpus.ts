/**
 * Realistic bench stories: scraped pages in the example's site chrome, each with its own
 * headline, date and a 600-900 word body written from sentence patterns across UK public-life
 * topics (child protection, councils, health, schools, housing, policing, care, finance), so
 * parsing and tagging do the work real copy asks of them. Deterministic for a given count.
 */
import { readFixture, SEED_FIXTURE } from '@bulletin/wire/testing';

const PLACES = [
  'Rotherham',
  'Rochdale',
  'Oxford',
  'Telford',
  'Derby',
  'Bristol',
  'Leeds',
  'Kent',
  'Norfolk',
  'Croydon',
  'Sunderland',
  'Cornwall',
];
const PEOPLE = [
  'Alexis Jay',
  'Clive Betts',
  'Sarah Okafor',
  'David Lammy',
  'Helen Marsh',
  'Tom Reid',
  'Priya Shah',
  'Mark Ellis',
];
const BODIES = [
  'Ofsted',
  'the Care Quality Commission',
  'the Local Government Association',
  'the Home Office',
  'NHS England',
  'the Department for Education',
  'HM Treasury',
  'the Housing Ombudsman',
];

const TOPICS: Record<string, { headline: string; sentences: string[] }> = {
  'child-protection': {
    headline: 'Inquiry finds failings in child protection services in {place}',
    sentences: [
      'The review found that children at risk of sexual exploitation had been let down by agencies that failed to share what they knew.',
      'Social workers in {place} described caseloads that left too little time to visit families and safeguard children properly.',
      '{person} said the serious case review showed the same mistakes repeated across several years.',
      'Inspectors from {body} said the local safeguarding children partnership had not acted on earlier warnings.',
      'The number of children in care in {place} rose by {n} per cent in two years, the report said.',
      'Police and the council agreed a joint plan to tackle child sexual exploitation and grooming.',
    ],
  },
  'local-government': {
    headline: '{place} council sets budget as cabinet agrees {n} million pounds of savings',
    sentences: [
      'The council cabinet agreed the budget at a meeting on Tuesday after a consultation with residents.',
      'Councillors warned that the local authority faced a gap of {n} million pounds over the next three years.',
      '{person}, the leader of the council, said every department would have to find savings.',
      'The Local Government Association said councils across England were under the same pressure.',
      'Council tax in {place} will rise by {n} per cent, the maximum allowed without a referendum.',
      "Opposition councillors called for an independent review of the authority's finances.",
    ],
  },
  health: {
    headline: 'Hospital trust in {place} misses accident and emergency targets again',
    sentences: [
      'Patients waited more than four hours in accident and emergency at the hospital trust in {place}.',
      'NHS England said the trust would receive extra support to reduce waiting lists.',
      '{person} said staff shortages in nursing had made the winter harder than expected.',
      'The integrated care board agreed to fund {n} more beds to ease pressure on wards.',
      'GP surgeries in the area reported record demand for appointments.',
    ],
  },
  education: {
    headline: 'Schools in {place} improve as Ofsted rates {n} more good or outstanding',
    sentences: [
      'Ofsted inspectors said teaching in the school had improved and pupils were making good progress.',
      'The academy trust said exam results in {place} were the best for a decade.',
      '{person} said the Department for Education should fund more teachers for special educational needs.',
      'Headteachers warned that school budgets would not keep pace with rising costs.',
      'The curriculum review will report to ministers next year.',
    ],
  },
  housing: {
    headline: 'Families in temporary accommodation in {place} reach record {n}',
    sentences: [
      'The number of households in temporary accommodation in {place} reached a record this year.',
      'The council said it would build {n} new social homes to reduce the housing waiting list.',
      '{person} said rough sleeping had risen for the third year in a row.',
      'The Housing Ombudsman criticised the landlord for failing to deal with damp and mould.',
      'Private rents rose faster than wages, pushing more families into homelessness.',
    ],
  },
  'policing-justice': {
    headline: 'Police in {place} charge {n} people after county lines drugs operation',
    sentences: [
      'Officers from the police force arrested suspects in raids across {place} on Wednesday.',
      'The police and crime commissioner said the operation had disrupted a county lines network.',
      '{person} said magistrates courts were dealing with a record backlog of cases.',
      'The Crown Prosecution Service authorised charges for drug supply and money laundering.',
      'HM Inspectorate of Constabulary said the force had improved how it answered emergency calls.',
    ],
  },
  'social-care': {
    headline: 'Care homes in {place} struggle as adult social care costs rise',
    sentences: [
      'Adult social care services in {place} face rising demand from an ageing population.',
      'The Care Quality Commission rated {n} care homes in the area as requiring improvement.',
      '{person} said home care workers were leaving for better paid jobs in retail.',
      'The safeguarding adults board published a review of a death in a nursing home.',
      'Carers said the support they received had been cut.',
    ],
  },
  'public-finance': {
    headline: 'Treasury sets out {n} billion pounds of spending in autumn statement',
    sentences: [
      'The Chancellor told MPs that public spending would rise more slowly than forecast.',
      'HM Treasury said departments would have to find efficiency savings of {n} per cent.',
      '{person} said the Office for Budget Responsibility forecast lower borrowing.',
      'Public sector pay rises will be funded from existing budgets, ministers said.',
      'The National Audit Office warned that some savings targets were not realistic.',
    ],
  },
};

const GENERAL = [
  'The findings will be considered by {body} at its next meeting in {place}.',
  '{person} told the committee that lessons had to be learned and acted upon quickly.',
  'A spokesperson said the organisation accepted the recommendations in full.',
  'The report was published on the same day as new figures from the Office for National Statistics.',
  'Campaigners welcomed the announcement but said it did not go far enough.',
  'Ministers will respond formally within {n} weeks, a government spokesperson said.',
];

/** A small deterministic generator, so every run carries the same stories. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fill(template: string, next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  return template
    .replaceAll('{place}', pick(PLACES))
    .replaceAll('{person}', pick(PEOPLE))
    .replaceAll('{body}', pick(BODIES))
    .replaceAll('{n}', String(2 + Math.floor(next() * 90)));
}

function paragraphs(topics: string[], next: () => number, words: number): string[] {
  const out: string[] = [];
  let count = 0;
  while (count < words) {
    const topic = TOPICS[topics[Math.floor(next() * topics.length)] ?? 'local-government'];
    const pool = next() < 0.7 ? (topic?.sentences ?? GENERAL) : GENERAL;
    const sentences = [0, 1, 2].map(() => fill(pool[Math.floor(next() * pool.length)] ?? '', next));
    const paragraph = sentences.join(' ');
    out.push(paragraph);
    count += paragraph.split(/\s+/).length;
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `count` distinct scraped-page payloads of 600-900 words, on one to three topics each. */
export function buildCorpus(count: number): string[] {
  const seed = readFixture(SEED_FIXTURE).toString('utf8').split('\n');
  const headlineAt = seed.findIndex((line) => line.startsWith('Circumstances that led'));
  const dateAt = seed.findIndex((line) => line.trim() === '18.11.14');
  const bodyEnd = seed.findIndex((line) => line.startsWith('(Image:'));
  const slugs = Object.keys(TOPICS);
  return Array.from({ length: count }, (_, i) => {
    const next = random(i + 1);
    const topics = [0, 1, 2]
      .slice(0, 1 + Math.floor(next() * 3))
      .map(() => slugs[Math.floor(next() * slugs.length)] ?? 'health');
    const lead = TOPICS[topics[0] ?? 'health'];
    const headline = `${fill(lead?.headline ?? '', next)} (report ${i + 1})`;
    const body = paragraphs(topics, next, 600 + Math.floor(next() * 300));
    const page = [...seed];
    page[dateAt] =
      `${pad((i % 28) + 1)}.${pad((Math.floor(i / 28) % 12) + 1)}.${pad(10 + (i % 10))}`;
    page[headlineAt] = headline;
    page.splice(
      headlineAt + 2,
      bodyEnd - headlineAt - 2,
      ...body.flatMap((paragraph) => [paragraph, '']),
    );
    return page.join('\n');
  });
}
