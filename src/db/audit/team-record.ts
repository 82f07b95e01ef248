/**
 * What a team event's audit entry names in `recordId` (issue 20: joining and key rotation are audited
 * with who, when and which generation). Who and when are the event's actor and time; the record is
 * `team:<generation kid>` or `team:<generation kid>:<device id>` (the device added or removed). Not a
 * client record, but not null either: events with a record travel to the team's audit days, so the
 * colleagues see who joined and who rotated the key. Nothing about a person: a key id and a device id.
 */
const PREFIX = 'team:';

export function teamRecordId(kid: string, deviceId?: string): string {
  return `${PREFIX}${kid}${deviceId ? `:${deviceId}` : ''}`;
}

export function parseTeamRecordId(recordId: string): { kid: string; deviceId: string | null } | null {
  if (!recordId.startsWith(PREFIX)) return null;
  const [kid, deviceId] = recordId.slice(PREFIX.length).split(':');
  if (!kid || !/^[a-z0-9-]{1,64}$/.test(kid)) return null;
  return { kid, deviceId: deviceId && /^[A-Z2-7]{8}$/.test(deviceId) ? deviceId : null };
}
