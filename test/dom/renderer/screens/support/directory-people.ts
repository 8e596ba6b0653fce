/** The organisation's people as the directory stand-in answers them (tests and the gallery page). */
import type { DirectoryPerson } from '../../../../../common/backend-contract';

const id = (user: string) => `8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_${user}`;

export const ADELE: DirectoryPerson = {
  communicationUserId: id('adele'),
  displayName: 'Adele Vance',
  email: 'AdeleV@contoso.com',
};
export const ADRIAN: DirectoryPerson = {
  communicationUserId: id('adrian'),
  displayName: 'Adrian King',
  email: 'AdrianK@contoso.com',
};
export const ALEX: DirectoryPerson = {
  communicationUserId: id('alex'),
  displayName: 'Alex Wilber',
  email: 'AlexW@contoso.com',
};
/** The incoming call's caller in fake-calling-store.ts (`…_megan`). */
export const MEGAN: DirectoryPerson = {
  communicationUserId: id('megan'),
  displayName: 'Megan Bowen',
  email: 'MeganB@contoso.com',
};

export const DIRECTORY_PEOPLE: DirectoryPerson[] = [ADELE, ADRIAN, ALEX, MEGAN];
