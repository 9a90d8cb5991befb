import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../shared/api';
import type { VersionedFlow } from '../../flows/types';
import type { FlowEditorApi } from '../api/flowEditorApi';
import type { FlowGraph } from '../types';

/**
 * - `saved`: the server has what the canvas shows;
 * - `dirty`: changes wait for the debounce;
 * - `saving`: a PUT is in flight (changes made meanwhile are saved right after);
 * - `error`: the last save failed (network, 5xx); the next change or `saveNow` tries again;
 * - `conflict`: 412, someone else saved first. Autosave stops until the person picks
 *   `reloadServerVersion` or `overwriteWithMine`; nothing is ever overwritten on its own.
 */
export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';

/** Who saved in between, when the server said (412 `FLOW_CHANGED` details). */
export type SaveConflict = { savedBy: string | null };

export const AUTOSAVE_DELAY_MS = 800;

type AutosaveOptions = {
  flowId: string;
  initialEtag: string;
  initialProblems: unknown[];
  api: Pick<FlowEditorApi, 'saveGraph' | 'loadFlow'>;
  /** Read at save time, so the PUT carries the latest canvas. */
  getGraph: () => FlowGraph;
  /** The person chose the server's version: show it (and drop theirs). */
  onReload: (flow: VersionedFlow) => void;
  /** Every successful save (to refresh caches). */
  onSaved?: (flow: VersionedFlow) => void;
  delayMs?: number;
};

export type Autosave = {
  status: SaveStatus;
  problems: unknown[];
  conflict: SaveConflict | null;
  /** Something changed: save after `delayMs` without further changes. */
  markDirty: () => void;
  /** Save at once (a retry after an error). */
  saveNow: () => void;
  reloadServerVersion: () => Promise<void>;
  overwriteWithMine: () => Promise<void>;
  /**
   * The draft was replaced on the server by another action (a version restored): take its ETag
   * and problems, drop pending saves, and ignore the answer of a save still in flight.
   */
  adopt: (flow: VersionedFlow) => void;
  /** The ETag of the draft as last saved or loaded (publishing sends it as If-Match). */
  getEtag: () => string;
};

export function useAutosave(options: AutosaveOptions): Autosave {
  const { flowId, delayMs = AUTOSAVE_DELAY_MS } = options;
  const [status, setStatusState] = useState<SaveStatus>('saved');
  const [problems, setProblems] = useState<unknown[]>(options.initialProblems);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);

  // Callbacks read these refs, so timers and in-flight saves always see the latest values.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const etag = useRef(options.initialEtag);
  const statusRef = useRef<SaveStatus>('saved');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const changedDuringSave = useRef(false);
  // Bumped by `adopt`: a save that started before belongs to a draft that no longer exists.
  const generation = useRef(0);
  const mounted = useRef(true);

  const setStatus = useCallback((next: SaveStatus) => {
    statusRef.current = next;
    if (mounted.current) setStatusState(next);
  }, []);

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const put = useCallback(
    async (ifMatch: string): Promise<void> => {
      inFlight.current = true;
      changedDuringSave.current = false;
      setStatus('saving');
      const started = generation.current;
      try {
        const saved = await latest.current.api.saveGraph(flowId, latest.current.getGraph(), ifMatch);
        // `adopt` already cleared the flags this save set; a save started since owns them now.
        if (started !== generation.current) return;
        etag.current = saved.etag;
        if (mounted.current) setProblems(saved.flow.problems ?? []);
        latest.current.onSaved?.(saved);
        inFlight.current = false;
        if (changedDuringSave.current) {
          setStatus('dirty');
          schedule();
        } else {
          setStatus('saved');
        }
      } catch (error) {
        if (started !== generation.current) return;
        inFlight.current = false;
        if (isApiError(error) && error.status === 412) {
          clearTimer();
          const by = error.details.lastSavedBy as { name?: unknown } | undefined;
          if (mounted.current) setConflict({ savedBy: typeof by?.name === 'string' ? by.name : null });
          setStatus('conflict');
        } else {
          setStatus('error');
        }
      }
    },
    // `schedule` (below, hoisted) only touches refs and the stable `save`.
    [flowId, setStatus],
  );

  const save = useCallback(() => {
    clearTimer();
    if (statusRef.current === 'conflict') return;
    if (inFlight.current) {
      changedDuringSave.current = true;
      return;
    }
    void put(etag.current);
  }, [put]);

  function schedule() {
    clearTimer();
    timer.current = setTimeout(save, latest.current.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  const markDirty = useCallback(() => {
    if (statusRef.current === 'conflict') return;
    if (inFlight.current) changedDuringSave.current = true;
    else setStatus('dirty');
    clearTimer();
    timer.current = setTimeout(save, delayMs);
  }, [delayMs, save, setStatus]);

  const reloadServerVersion = useCallback(async () => {
    clearTimer();
    const server = await latest.current.api.loadFlow(flowId);
    etag.current = server.etag;
    latest.current.onReload(server);
    if (mounted.current) {
      setProblems(server.flow.problems ?? []);
      setConflict(null);
    }
    setStatus('saved');
  }, [flowId, setStatus]);

  /** The person chose to keep their version: take the server's current ETag, then save over it. */
  const overwriteWithMine = useCallback(async () => {
    clearTimer();
    setStatus('saving');
    try {
      const server = await latest.current.api.loadFlow(flowId);
      if (mounted.current) setConflict(null);
      await put(server.etag);
    } catch {
      setStatus('conflict');
    }
  }, [flowId, put, setStatus]);

  const adopt = useCallback(
    (flow: VersionedFlow) => {
      clearTimer();
      generation.current += 1;
      inFlight.current = false;
      changedDuringSave.current = false;
      etag.current = flow.etag;
      if (mounted.current) {
        setProblems(flow.flow.problems ?? []);
        setConflict(null);
      }
      setStatus('saved');
    },
    [setStatus],
  );

  const getEtag = useCallback(() => etag.current, []);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimer();
    };
  }, []);

  return { status, problems, conflict, markDirty, saveNow: save, reloadServerVersion, overwriteWithMine, adopt, getEtag };
}
