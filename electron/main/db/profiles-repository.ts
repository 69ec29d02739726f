/** Profiles: who plans belong to. Migration 1 creates the default one. */
import type { z } from 'zod';
import type { ProfileSchema } from '../../../shared/ipc/contract';
import { systemClock, timestamp, type Clock } from './clock';
import type { Db } from './connection';

export type Profile = z.infer<typeof ProfileSchema>;

interface ProfileRow {
  id: number;
  name: string;
  is_default: number;
}

export type ProfilesRepository = ReturnType<typeof createProfilesRepository>;

export function createProfilesRepository(db: Db, clock: Clock = systemClock) {
  const statements = {
    list: db.prepare<[], ProfileRow>(
      'SELECT id, name, is_default FROM profiles ORDER BY is_default DESC, name COLLATE NOCASE, id',
    ),
    get: db.prepare<[number], ProfileRow>('SELECT id, name, is_default FROM profiles WHERE id = ?'),
    getDefault: db.prepare<[], ProfileRow>('SELECT id, name, is_default FROM profiles WHERE is_default = 1'),
    insert: db.prepare<[string, string], ProfileRow>(
      'INSERT INTO profiles (name, is_default, created_at) VALUES (?, 0, ?) RETURNING id, name, is_default',
    ),
  };

  return {
    list(): Profile[] {
      return statements.list.all().map(toProfile);
    },

    get(id: number): Profile | undefined {
      const row = statements.get.get(id);
      return row && toProfile(row);
    },

    getDefault(): Profile {
      const row = statements.getDefault.get();
      // Migration 1 creates it and nothing deletes it: its absence means a damaged database.
      if (!row) throw new Error('The database has no default profile.');
      return toProfile(row);
    },

    create(name: string): Profile {
      return toProfile(statements.insert.get(name, timestamp(clock))!);
    },
  };
}

function toProfile(row: ProfileRow): Profile {
  return { id: row.id, name: row.name, isDefault: row.is_default === 1 };
}
