/** Fictional Finnish names for the sample workbooks (no real persons), and how a person retypes theirs. */
import { Rng } from './prng';

export const FIRST_NAMES = [
  'Aino',
  'Eino',
  'Helmi',
  'Väinö',
  'Lilja',
  'Onni',
  'Sanni',
  'Leevi',
  'Emmi',
  'Joel',
  'Venla',
  'Elias',
  'Iida',
  'Aapo',
  'Kerttu',
  'Niilo',
  'Siiri',
  'Toivo',
  'Ella',
  'Veeti',
  'Hilla',
  'Lauri',
  'Pihla',
  'Otto',
  'Minea',
  'Jere',
  'Noora',
  'Arttu',
  'Inka',
  'Tuomas',
  'Riikka',
  'Juho',
  'Satu',
  'Mikko',
  'Paula',
  'Antti',
  'Heidi',
  'Ville',
  'Tiina',
  'Jari',
  'Sari',
  'Pekka',
  'Marja',
  'Kalle',
  'Anu',
  'Timo',
  'Laura',
  'Harri',
  'Elina',
  'Janne',
];

export const LAST_NAMES = [
  'Aaltonen',
  'Heikkilä',
  'Ketola',
  'Lahtinen',
  'Mäkelä',
  'Nieminen',
  'Ojala',
  'Peltonen',
  'Rantanen',
  'Salmi',
  'Tuominen',
  'Vainio',
  'Hakala',
  'Jokinen',
  'Koskela',
  'Laaksonen',
  'Manninen',
  'Niemelä',
  'Oksanen',
  'Pesonen',
  'Riihimäki',
  'Saarinen',
  'Toivonen',
  'Virta',
  'Alanko',
  'Hirvonen',
  'Kallio',
  'Lehtola',
  'Mustonen',
  'Nurmi',
  'Paananen',
  'Rautio',
  'Seppälä',
  'Tikkanen',
  'Vesterinen',
  'Hiltunen',
  'Kiiskinen',
  'Lampinen',
  'Mattila',
  'Pulkkinen',
  'Ruuskanen',
  'Suominen',
  'Honkanen',
  'Kivelä',
  'Leinonen',
  'Määttä',
  'Pitkänen',
  'Sirola',
  'Tamminen',
  'Väisänen',
];

/** A generator of distinct fictional full names; adds a second first name once the plain pairs run low. */
export class NameSource {
  private used = new Set<string>();
  constructor(private rng: Rng) {}
  next(): string {
    for (let attempt = 0; ; attempt++) {
      const first = this.rng.pick(FIRST_NAMES);
      const last = this.rng.pick(LAST_NAMES);
      const name = attempt < 20 ? `${first} ${last}` : `${first} ${this.rng.pick(FIRST_NAMES)} ${last}`;
      const key = name.toLowerCase();
      if (!this.used.has(key)) {
        this.used.add(key);
        return name;
      }
    }
  }
}

/** The same name as typed differently by the person registering twice: other case, extra spaces. */
export function retyped(name: string, rng: Rng): string {
  switch (rng.int(0, 2)) {
    case 0:
      return name.toUpperCase();
    case 1:
      return `  ${name.replace(' ', '  ')} `;
    default:
      return name.toLowerCase();
  }
}
