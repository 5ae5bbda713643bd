import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import * as Y from "yjs";
import { documents, documentUpdates, establishments, people, spaces } from "@/drizzle/schema";
import { type Database, openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";

/** The co-editing scenario's school: its writers, the documents each run edits, and the large documents to load. */
export interface CollabDataset {
  /** What the standalone collaboration server needs to open this database. */
  serverEnv: Record<string, string>;
  storage: "PGlite" | "PostgreSQL";
  writerIds: string[];
  /** For each run, the documents its clients edit (fresh ones, so that no run starts from another's text). */
  documentsOfRun: string[][];
  /** For each run, a document two writers type into first, so that the servers are warm when measured. */
  warmUpDocumentOfRun: string[];
  /** For each run, a large document stored as it was typed, one update per word, not yet compacted. */
  largeDocumentOfRun: string[];
  large: LargeDocument;
  /** Deletes the PGlite folder (a PostgreSQL database is kept until the next run drops it). */
  remove(): Promise<void>;
}

export interface LargeDocument {
  /** Its updates, in the order they were typed. */
  updates: Uint8Array[];
  /** The size of those updates together, and of the document's state once merged. */
  storedBytes: number;
  stateBytes: number;
  characters: number;
}

/**
 * A long text typed a word at a time, each word one Yjs update, as the server stores a writer's typing. Built once
 * with a fixed seed, so that every run loads the same document.
 */
export function typeLargeDocument(words: number): LargeDocument {
  const doc = new Y.Doc();
  doc.clientID = 2020;
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const text = doc.getText("body");
  let state = 7;
  const next = () => (state = (state * 48_271) % 2_147_483_647);
  for (let word = 0; word < words; word++) {
    // Mostly appended, as one writes; now and then a correction earlier in the text.
    const at = next() % 10 === 0 ? next() % (text.length + 1) : text.length;
    text.insert(at, `${["élève", "classe", "devoir", "lecture", "exposé"][next() % 5]} `);
  }
  const large = {
    updates,
    storedBytes: updates.reduce((sum, update) => sum + update.length, 0),
    stateBytes: Y.encodeStateAsUpdate(doc).length,
    characters: text.length,
  };
  doc.destroy();
  return large;
}

/**
 * Creates the database the collaboration server runs on: a fresh PGlite folder, or a fresh database on the
 * PostgreSQL server of BENCH_PG_SERVER_URL when it is set. Then seeds the writers and the documents of every run.
 */
export async function prepareCollabDataset(options: { clients: number; documents: number; runs: number; largeWords: number }): Promise<CollabDataset> {
  const { database, serverEnv, storage, remove } = await openCollabDatabase();
  try {
    await migrate(database);
    const { db } = database;
    const [school] = await db.insert(establishments).values({ uai: `B${randomUUID().slice(0, 7)}`, name: "Lycée du banc d'essai", kind: "lycee" }).returning();
    const [space] = await db.insert(spaces).values({ establishmentId: school.id, kind: "team", name: "Équipe du banc d'essai" }).returning();
    const writers = await db
      .insert(people)
      .values(Array.from({ length: options.clients }, (_, index) => ({ login: `bench.writer${index}`, firstName: `Écrivain ${index}`, lastName: "Banc" })))
      .returning({ id: people.id });
    const newDocuments = async (count: number, title: string) =>
      (await db.insert(documents).values(Array.from({ length: count }, (_, index) => ({ spaceId: space.id, title: `${title} ${index + 1}` }))).returning({ id: documents.id })).map(
        (row) => row.id,
      );
    const documentsOfRun = [];
    for (let run = 0; run < options.runs; run++) documentsOfRun.push(await newDocuments(options.documents, `Exposé (passage ${run + 1})`));
    const warmUpDocumentOfRun = await newDocuments(options.runs, "Brouillon");
    const largeDocumentOfRun = await newDocuments(options.runs, "Mémoire");
    const large = typeLargeDocument(options.largeWords);
    for (const documentId of largeDocumentOfRun) {
      for (let start = 0; start < large.updates.length; start += 1_000) {
        await db
          .insert(documentUpdates)
          .values(large.updates.slice(start, start + 1_000).map((update) => ({ documentId, authorId: writers[0].id, update })));
      }
    }
    return { serverEnv, storage, remove, writerIds: writers.map((row) => row.id), documentsOfRun, warmUpDocumentOfRun, largeDocumentOfRun, large };
  } finally {
    await database.close();
  }
}

async function openCollabDatabase(): Promise<{ database: Database } & Pick<CollabDataset, "serverEnv" | "storage" | "remove">> {
  const serverUrl = process.env.BENCH_PG_SERVER_URL;
  if (!serverUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "preau-bench-collab-"));
    const database = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
    const remove = () => rm(dataDir, { recursive: true, force: true });
    return { database, serverEnv: { PREAU_DATA_DIR: dataDir, DATABASE_URL: "" }, storage: "PGlite", remove };
  }
  const url = new URL(serverUrl);
  url.pathname = "/preau_bench_collab";
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe("drop database if exists preau_bench_collab with (force)");
  await admin.unsafe("create database preau_bench_collab");
  await admin.end();
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  return { database, serverEnv: { DATABASE_URL: url.toString() }, storage: "PostgreSQL", remove: async () => {} };
}
