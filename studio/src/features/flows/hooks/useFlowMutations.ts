import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../shared/api';
import { downloadJson } from '../../../shared/lib/downloadJson';
import type { Flow } from '../types';
import { flowKeys } from './flowKeys';
import { useFlowsApi } from './useFlowsApi';
import { readFlowFile } from './readFlowFile';

/** Every change to a flow can change the list (names, order by last update). */
function useInvalidateList() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: flowKeys.list() });
}

export function useCreateFlow() {
  const api = useFlowsApi();
  const invalidateList = useInvalidateList();
  return useMutation({ mutationFn: (name: string) => api.create(name), onSuccess: invalidateList });
}

export function useRenameFlow() {
  const api = useFlowsApi();
  const queryClient = useQueryClient();
  const invalidateList = useInvalidateList();
  return useMutation({
    mutationFn: ({ id, name, etag }: { id: string; name: string; etag: string }) => api.rename(id, name, etag),
    onSuccess: (saved) => {
      queryClient.setQueryData(flowKeys.detail(saved.flow.id), saved);
      return invalidateList();
    },
    onError: (error, { id }) => {
      // Someone saved in between: load their revision (and its ETag) so the next try can succeed.
      if (isApiError(error) && error.status === 412) void queryClient.invalidateQueries({ queryKey: flowKeys.detail(id) });
    },
  });
}

export function useDeleteFlow() {
  const api = useFlowsApi();
  const queryClient = useQueryClient();
  const invalidateList = useInvalidateList();
  return useMutation({
    mutationFn: (id: string) => api.remove(id),
    onSuccess: (_nothing, id) => {
      queryClient.removeQueries({ queryKey: flowKeys.detail(id) });
      return invalidateList();
    },
    // Deleted meanwhile (404) or not: the list should show what is really there.
    onError: invalidateList,
  });
}

/** A copy through the same path as a file would take: export, then import (named "Name (2)"). */
export function useDuplicateFlow() {
  const api = useFlowsApi();
  const invalidateList = useInvalidateList();
  return useMutation({
    mutationFn: async (id: string): Promise<Flow> => api.importFile((await api.exportFile(id)).file),
    onSuccess: invalidateList,
  });
}

export function useExportFlow() {
  const api = useFlowsApi();
  return useMutation({
    mutationFn: async (id: string) => {
      const { file, fileName } = await api.exportFile(id);
      downloadJson(file, fileName);
    },
  });
}

/** Reads a file the person picked and imports it; a file that is not JSON never reaches the server. */
export function useImportFlow() {
  const api = useFlowsApi();
  const invalidateList = useInvalidateList();
  return useMutation({
    mutationFn: async (file: File): Promise<Flow> => api.importFile(await readFlowFile(file)),
    onSuccess: invalidateList,
  });
}
