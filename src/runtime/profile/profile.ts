// The professional's profile: roles and initials, stored as an encrypted setting. Validated when read
// back (STYLE habit 7: settings read from storage are checked by the schema).
import * as v from 'valibot';
import { getSetting, putSetting, type VaultSession } from '../../db/first-screen';

export const ROLE_IDS = ['verloskundige-kraamzorg-jgz', 'poh-ggz', 'mantelzorgondersteuner'] as const;

export const ProfileSchema = v.object({
  roles: v.pipe(v.array(v.picklist(ROLE_IDS)), v.minLength(1)),
  initials: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(6)),
});
export type Profile = v.InferOutput<typeof ProfileSchema>;

const NAME = 'profile';

export async function readProfile(session: VaultSession): Promise<Profile | null> {
  const record = await getSetting(session, NAME);
  const parsed = v.safeParse(ProfileSchema, record?.data);
  return parsed.success ? parsed.output : null;
}

export async function saveProfile(session: VaultSession, profile: Profile): Promise<void> {
  const loaded = await getSetting(session, NAME);
  await putSetting(session, NAME, v.parse(ProfileSchema, profile), loaded);
}
