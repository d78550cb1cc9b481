import { describe, expect, it } from 'vitest';
import { phraseVariants } from './variants.js';

describe('phraseVariants', () => {
  it('adds the other number of the last word', () => {
    expect(phraseVariants('care home')).toEqual(['care home', 'care homes']);
    expect(phraseVariants('care homes')).toEqual(['care homes', 'care home']);
    expect(phraseVariants('adoption agency')).toEqual(['adoption agency', 'adoption agencies']);
    expect(phraseVariants('local authorities')).toEqual(['local authorities', 'local authority']);
    expect(phraseVariants('nursing homes')).toEqual(['nursing homes', 'nursing home']);
    expect(phraseVariants('nurse')).toEqual(['nurse', 'nurses']);
    expect(phraseVariants('academies')).toEqual(['academies']);
  });

  it('adds the American spelling', () => {
    expect(phraseVariants('organisation')).toEqual([
      'organisation',
      'organisations',
      'organization',
      'organizations',
    ]);
    expect(phraseVariants('neighbourhood policing')).toContain('neighborhood policing');
    expect(phraseVariants('anti-social behaviour')).toContain('anti-social behavior');
    expect(phraseVariants('defence')).toContain('defense');
    expect(phraseVariants('paediatric ward')).toContain('pediatric ward');
  });

  it('leaves capitals, participles and short single words alone', () => {
    expect(phraseVariants('MBC')).toEqual(['MBC']);
    expect(phraseVariants('GPs')).toEqual(['GPs']);
    expect(phraseVariants('sentenced')).toEqual(['sentenced']);
    expect(phraseVariants('news')).toEqual(['news']);
    expect(phraseVariants('homeless')).toEqual(['homeless']);
  });
});
