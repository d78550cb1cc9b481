import data from '../data/gazetteer.json' with { type: 'json' };

/** An organisation or place the tagger recognises, with every form of its name. */
export interface GazetteerEntity {
  readonly type: 'organisation' | 'place';
  /** The canonical name, as stored on the story. */
  readonly name: string;
  /** Organisations: e.g. `local-authority`, `inspectorate`. */
  readonly kind?: string;
  /** Every form that names it, the canonical one included. */
  readonly forms: readonly string[];
  /** Topic slug → weight of one mention as evidence for that topic (negative: against it). */
  readonly topics: Readonly<Record<string, number>>;
}

/** The entities the tagger finds, in the order of `entities`. */
export interface Gazetteer {
  readonly entities: readonly GazetteerEntity[];
}

interface GazetteerData {
  kinds: Record<string, { label: string; topics: Record<string, number> }>;
  localAuthorities: Record<string, string[]>;
  organisations: {
    name: string;
    kind: string;
    forms?: string[];
    topics?: Record<string, number>;
  }[];
  policeForces: string[];
  places: string[];
}

/** Name and forms of a principal council of each type, from its place name. */
const COUNCIL_FORMS: Record<string, (place: string) => [string, ...string[]]> = {
  'metropolitan-borough': (p) => [
    `${p} Metropolitan Borough Council`,
    `${p} MBC`,
    `${p} Borough Council`,
    `${p} Council`,
  ],
  city: (p) => [`${p} City Council`, `${p} Council`, `City of ${p} Council`],
  'london-borough': (p) => [`London Borough of ${p}`, `${p} Council`, `${p} Borough Council`],
  county: (p) => [`${p} County Council`, `${p} CC`, `${p} Council`],
  unitary: (p) => [`${p} Council`, `${p} unitary authority`],
  borough: (p) => [`${p} Borough Council`, `${p} Council`],
  district: (p) => [`${p} District Council`, `${p} Council`],
};

/**
 * Expands gazetteer data (`data/gazetteer.json`) into entities: each local authority's common
 * forms, each police force's, and the listed organisations and places. Where two entries claim
 * one form, the first keeps it.
 */
export function buildGazetteer(source: unknown = data): Gazetteer {
  const d = source as GazetteerData;
  const topicsOf = (kind: string, own?: Record<string, number>) => ({
    ...(d.kinds[kind]?.topics ?? {}),
    ...(own ?? {}),
  });
  const entities: GazetteerEntity[] = [];
  const claimed = new Set<string>();
  const add = (entity: GazetteerEntity): void => {
    const forms = entity.forms.filter((form) => !claimed.has(form.toLowerCase()));
    for (const form of forms) claimed.add(form.toLowerCase());
    if (forms.length > 0) entities.push({ ...entity, forms });
  };
  for (const [type, places] of Object.entries(d.localAuthorities)) {
    const forms = COUNCIL_FORMS[type];
    if (forms === undefined) throw new RangeError(`gazetteer: unknown council type "${type}"`);
    for (const place of places) {
      const all = forms(place);
      add({
        type: 'organisation',
        name: all[0],
        kind: 'local-authority',
        forms: all,
        topics: topicsOf('local-authority'),
      });
    }
  }
  for (const org of d.organisations) {
    add({
      type: 'organisation',
      name: org.name,
      kind: org.kind,
      forms: [org.name, ...(org.forms ?? [])],
      topics: topicsOf(org.kind, org.topics),
    });
  }
  for (const force of d.policeForces) {
    const name = `${force} Police`;
    add({
      type: 'organisation',
      name,
      kind: 'police-force',
      forms: [name, `${force} Constabulary`],
      topics: topicsOf('police-force'),
    });
  }
  const places = new Set([...d.places, ...Object.values(d.localAuthorities).flat()]);
  for (const place of places) add({ type: 'place', name: place, forms: [place], topics: {} });
  return { entities };
}

/** bulletin's gazetteer of UK public bodies and places. */
export const defaultGazetteer: Gazetteer = buildGazetteer();
