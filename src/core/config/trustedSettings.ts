/**
 * Which `cptLens.data.files` values a host may read. A workspace must not make the extension read
 * files it names unless the user trusts it: in an untrusted workspace only the user's own setting
 * counts (VS Code also drops restricted workspace values, but the extension does not rely on that).
 */
import type { DataFileEntry } from './projectConfig';

export interface InspectedSetting<T> {
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

export type DataFileSetting = string | DataFileEntry;

export function readableDataFiles(inspected: InspectedSetting<DataFileSetting[]> | undefined, trusted: boolean): DataFileEntry[] {
  const values: unknown[] = [...(inspected?.globalValue ?? [])];
  if (trusted) values.push(...(inspected?.workspaceValue ?? []), ...(inspected?.workspaceFolderValue ?? []));
  return values.flatMap((v): DataFileEntry[] => {
    if (typeof v === 'string' && v.trim()) return [{ path: v }];
    if (typeof v === 'object' && v !== null && typeof (v as DataFileEntry).path === 'string') return [v as DataFileEntry];
    return [];
  });
}
