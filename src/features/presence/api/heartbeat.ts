import { useQuery } from '@tanstack/react-query';
import { PRESENCE, type PresenceResponse } from '../../../domain/api/presence';
import { apiRequest, getCsrfToken } from '../../../lib/api-client';
import { CSRF_HEADER } from '../../../domain/api/headers';

const presencePath = (storyId: string, editorId: string) => `/api/stories/${encodeURIComponent(storyId)}/presence/${encodeURIComponent(editorId)}`;

export async function heartbeat(storyId: string, editorId: string, signal?: AbortSignal): Promise<PresenceResponse> {
  const { data } = await apiRequest<PresenceResponse>(presencePath(storyId, editorId), { method: 'PUT', signal });
  return data;
}

/** Says "gone" as the editor closes; keepalive lets it leave with the page. */
export function leaveStory(storyId: string, editorId: string): void {
  const token = getCsrfToken();
  void fetch(presencePath(storyId, editorId), {
    method: 'DELETE',
    keepalive: true,
    credentials: 'same-origin',
    headers: token ? { [CSRF_HEADER]: token } : {},
  }).catch(() => undefined);
}

/** The open editor's heartbeat, every few seconds once `enabled`, also in a background tab: who else is here, and the story's revision. */
export function useHeartbeat(storyId: string, editorId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['presence', storyId, editorId],
    queryFn: ({ signal }) => heartbeat(storyId, editorId, signal),
    refetchInterval: PRESENCE.heartbeatMs,
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
    retry: false,
    gcTime: 0,
  });
}
