export interface Admin {
  name: string;
  password: string;
}
export function configureAdmin(url: string, admin: Admin): Promise<void>;
export function createTeam(url: string, admin: Admin, database: string, members?: string[]): Promise<void>;
export function addMember(url: string, admin: Admin, database: string, name: string, password: string): Promise<void>;
export function removeMember(
  url: string,
  admin: Admin,
  database: string,
  name: string,
  options?: { keepAccount?: boolean },
): Promise<void>;
