/** How often an open editor says it is still there, and how long after its last word it counts as gone. */
export const PRESENCE = { heartbeatMs: 5_000, goneAfterMs: 20_000 } as const;

/** Someone else with the story open. */
export interface PresentEditor {
  userId: string;
  name: string;
  role: string;
  /** How many editors (tabs) this person has open on the story. */
  editors: number;
}

export interface PresenceResponse {
  /** The story's revision now: an editor behind it takes in the newer saves. */
  revision: number;
  /** The others (not the asking editor), by name. */
  present: PresentEditor[];
}
