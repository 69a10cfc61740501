import type { DocumentJSON } from '../../../domain/document/types';

/**
 * The bodies the server is known to hold at a few recent revisions, so a save made on one of
 * them can send only the blocks that changed. Only certain knowledge goes in — a story the
 * server sent, or a body it accepted — because a wrong base would have the server keep blocks
 * the editor no longer shows; a revision not found here means the whole body is sent.
 */
export class ServerBodies {
  private readonly bodies = new Map<number, DocumentJSON>();

  constructor(private readonly capacity = 4) {}

  remember(revision: number, body: DocumentJSON): void {
    this.bodies.delete(revision);
    this.bodies.set(revision, body);
    // Saves are made on the latest revisions; the oldest ones are let go.
    while (this.bodies.size > this.capacity) this.bodies.delete(Math.min(...this.bodies.keys()));
  }

  get(revision: number): DocumentJSON | undefined {
    return this.bodies.get(revision);
  }
}
