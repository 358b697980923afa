import { describe, expect, it } from 'vitest';
import { findCrisisTerm, isCrisisQuery } from '../../src/lib/crisis-terms';

describe('crisis terms in a search query', () => {
  it.each([
    'suicide',
    'Suicidal thoughts',
    'how to kill myself',
    'I want to end my life',
    'self-harm',
    'self harm',
    'selfharm support',
    'I keep hurting myself',
    'cutting myself',
    'overdose',
    'crisis team',
    'mental health crisis',
    'i want to die',
    'I don’t want to live any more',
    'dont want to be alive',
    'wish I was dead',
    'better off dead',
    'SUICIDE',
    'thinking about taking my own life',
  ])('spots risk in "%s"', (query) => {
    expect(isCrisisQuery(query)).toBe(true);
  });

  it.each([
    '',
    'anxiety',
    'skills workshop',
    'diet and mood',
    'studied hard',
    'harm reduction',
    'hair cutting volunteers',
    'cost of living crisis',
    'climate crisis',
    'die-hard fans quiz night',
    'died',
    'self-care',
    'killer sudoku',
    'hotel suite',
  ])('leaves "%s" alone', (query) => {
    expect(isCrisisQuery(query)).toBe(false);
  });

  it('still spots risk in a money query that also mentions suicide', () => {
    expect(findCrisisTerm('cost of living crisis suicidal')).toBe('suicidal');
  });

  it('says which phrase it found', () => {
    expect(findCrisisTerm('Where can I get help? I want to die.')).toBe('want to die');
  });
});
