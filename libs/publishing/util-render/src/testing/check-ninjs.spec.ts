import { describe, expect, it } from 'vitest';
import { assertNinjs, checkNinjs } from './check-ninjs.js';
import { JsonSpecError } from './json-rules.js';

const minimal = { uri: 'urn:x:1' };
const rich = {
  uri: 'http://tt.se/media/text/1',
  type: 'text',
  version: '1',
  versioncreated: '2021-05-26T13:40:18+02:00',
  pubstatus: 'usable',
  headlines: [{ role: 'main', value: 'H' }],
  bodies: [{ role: 'main', contenttype: 'text/html', value: '<p>b</p>', wordcount: 1 }],
  subjects: [{ name: 'S', uri: 'http://cv.iptc.org/newscodes/mediatopic/1', confidence: 90 }],
  places: [{ name: 'Leeds', geojson: { type: 'Point', coordinates: [0, 0] } }],
  associations: [
    {
      name: 'a001',
      uri: 'http://tt.se/media/image/1',
      type: 'picture',
      by: 'K/TT',
      renditions: [{ name: 'r00', href: 'https://x/a.jpg', contenttype: 'image/jpeg' }],
    },
  ],
};

describe('checkNinjs', () => {
  it('accepts a document with only a uri, and a rich one', () => {
    expect(checkNinjs(minimal)).toEqual([]);
    expect(checkNinjs(rich)).toEqual([]);
    expect(() => assertNinjs(rich)).not.toThrow();
  });

  it('requires uri, in absolute URI form', () => {
    expect(checkNinjs({})).toEqual(['$.uri: is required']);
    expect(checkNinjs({ uri: 'item 1' })).toEqual(['$.uri: is not an absolute URI']);
    expect(checkNinjs({ uri: '/stories/1' })).toEqual(['$.uri: is not an absolute URI']);
    expect(checkNinjs({ uri: 42 })).toEqual(['$.uri: is not a string']);
  });

  it('holds enumerations to their values', () => {
    expect(checkNinjs({ ...minimal, pubstatus: 'published' })).toEqual([
      '$.pubstatus: is not one of usable, withheld, canceled',
    ]);
    expect(checkNinjs({ ...minimal, type: 'article' })).toHaveLength(1);
    expect(checkNinjs({ ...minimal, representationtype: 'complete' })).toHaveLength(1);
  });

  it('wants version as a string and dates as RFC 3339 date-times', () => {
    expect(checkNinjs({ ...minimal, version: 2 })).toEqual(['$.version: is not a string']);
    for (const bad of ['2024-03-01', '2024-03-01 10:00:00Z', '2024-02-30T10:00:00Z', 'soon']) {
      expect(checkNinjs({ ...minimal, versioncreated: bad })).toEqual([
        '$.versioncreated: is not an RFC 3339 date-time',
      ]);
    }
    expect(checkNinjs({ ...minimal, embargoed: '2024-03-01T10:00:00.5-05:00' })).toEqual([]);
  });

  it('rejects properties the schema does not define, at every level', () => {
    expect(checkNinjs({ ...minimal, byline: 'Jo' })).toEqual([
      '$.byline: is not a property the specification defines',
    ]);
    expect(checkNinjs({ ...minimal, subjects: [{ name: 'x', code: 'y' }] })).toEqual([
      '$.subjects[0].code: is not a property the specification defines',
    ]);
  });

  it('checks blocks, subjects and renditions', () => {
    expect(checkNinjs({ ...minimal, headlines: [{ role: 'main' }] })).toEqual([
      '$.headlines[0].value: is required',
    ]);
    expect(checkNinjs({ ...minimal, headlines: 'H' })).toEqual(['$.headlines: is not an array']);
    expect(checkNinjs({ ...minimal, subjects: [{ name: 'x', confidence: 0.9 }] })).toEqual([
      '$.subjects[0].confidence: is not an integer',
    ]);
    expect(checkNinjs({ ...minimal, subjects: [{ name: 'x', confidence: 101 }] })).toEqual([
      '$.subjects[0].confidence: is above 100',
    ]);
    expect(checkNinjs({ ...minimal, renditions: [{ href: 'https://x/a' }] })).toEqual([
      '$.renditions[0].name: is required',
    ]);
  });

  it('requires name and uri on associations and checks them as ninjs', () => {
    expect(checkNinjs({ ...minimal, associations: [{ uri: 'urn:x:2' }] })).toEqual([
      '$.associations[0].name: is required',
    ]);
    expect(
      checkNinjs({ ...minimal, associations: [{ name: 'p', uri: 'urn:x:2', type: 'photo' }] }),
    ).toHaveLength(1);
  });

  it('treats an undefined property as absent, as JSON text does', () => {
    expect(checkNinjs({ ...minimal, by: undefined })).toEqual([]);
  });

  it('throws JsonSpecError listing every fault', () => {
    expect(() => assertNinjs({ pubstatus: 'x' })).toThrow(JsonSpecError);
    expect(() => assertNinjs({ pubstatus: 'x' })).toThrow(/\$\.uri: is required\n\$\.pubstatus/);
    expect(() => assertNinjs([])).toThrow('$: is not an object');
  });
});
