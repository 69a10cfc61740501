import { describe, expect, it } from 'vitest';
import type { DocumentJSON } from '../../../domain/document/types';
import { ServerBodies } from './server-bodies';

const body = (text: string): DocumentJSON => ({ type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text }] }] });

describe('ServerBodies', () => {
  it('knows the body at a remembered revision and nothing about others', () => {
    const bodies = new ServerBodies();
    bodies.remember(3, body('three'));
    expect(bodies.get(3)).toEqual(body('three'));
    expect(bodies.get(2)).toBeUndefined();
  });

  it('keeps only the latest few revisions', () => {
    const bodies = new ServerBodies(2);
    bodies.remember(5, body('five'));
    bodies.remember(6, body('six'));
    bodies.remember(7, body('seven'));
    expect(bodies.get(5)).toBeUndefined();
    expect(bodies.get(6)).toEqual(body('six'));
    expect(bodies.get(7)).toEqual(body('seven'));
  });
});
