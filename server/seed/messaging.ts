import { and, asc, eq, inArray } from "drizzle-orm";
import {
  announcementClasses,
  announcements,
  canteenMenus,
  carnetNotes,
  carnetRecipients,
  classEnrolments,
  classes,
  conversationParticipants,
  conversations,
  guardianships,
  messages,
  type MenuCourse,
} from "@/drizzle/schema";
import { addDays, schoolInstant } from "@/server/calendar/days";
import type { Db } from "@/server/db/client";
import type { Random } from "./random";

/** Who the demo's messages are between: a family, the 4eB professeur principal, direction. */
export interface DemoMessagingPins {
  establishmentId: string;
  className: string;
  /** the demo's "today", a Monday: everything here happened the week before */
  week: string;
  guardianId: string;
  otherGuardianId: string;
  leadTeacherId: string;
  directionId: string;
}

/**
 * A few conversations, a carnet note and two announcements, written the week before the demo's "today": the guardian
 * asked direction for a meeting and was answered; the professeur principal wrote to the class's families about an
 * outing (one answered her alone) and asked them to acknowledge the parents' evening, which the guardian still has
 * to do. The canteen's menus of the demo week are published.
 */
export async function seedDemoMessaging(db: Db, pins: DemoMessagingPins, random: Random): Promise<void> {
  const at = (daysBefore: number, time: string) => schoolInstant(addDays(pins.week, -daysBefore), time);
  const [theClass] = await db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.establishmentId, pins.establishmentId), eq(classes.name, pins.className)));
  const pupils = db.select({ id: classEnrolments.studentId }).from(classEnrolments).where(eq(classEnrolments.classId, theClass.id));
  const families = await db
    .select({ guardianId: guardianships.guardianId, studentId: guardianships.studentId })
    .from(guardianships)
    .where(and(inArray(guardianships.studentId, pupils), eq(guardianships.receivesInformation, true)))
    .orderBy(asc(guardianships.studentId), asc(guardianships.guardianId));
  const guardianIds = [...new Set(families.map((f) => f.guardianId))];

  const meeting = random.uuid();
  const outing = random.uuid();
  await db.insert(conversations).values([
    {
      id: meeting,
      establishmentId: pins.establishmentId,
      subject: "Demande de rendez-vous",
      createdBy: pins.guardianId,
      inbox: "direction",
      handledBy: pins.directionId,
      createdAt: at(4, "19:12"),
      lastMessageAt: at(3, "08:40"),
    },
    {
      id: outing,
      establishmentId: pins.establishmentId,
      subject: `Sortie de la ${pins.className} au musée des Confluences`,
      createdBy: pins.leadTeacherId,
      broadcast: true,
      createdAt: at(5, "17:30"),
      lastMessageAt: at(5, "20:05"),
    },
  ]);
  await db.insert(conversationParticipants).values([
    { conversationId: meeting, personId: pins.guardianId, lastReadAt: at(4, "19:12") },
    { conversationId: meeting, personId: pins.directionId, addressed: false, lastReadAt: at(3, "08:40") },
    { conversationId: outing, personId: pins.leadTeacherId, lastReadAt: at(5, "20:05") },
    ...guardianIds.map((personId) => ({ conversationId: outing, personId })),
  ]);
  await db.insert(messages).values([
    {
      id: random.uuid(),
      conversationId: meeting,
      authorId: pins.guardianId,
      body: "Bonjour,\nJe souhaiterais vous rencontrer au sujet de l'orientation d'Emma. Quels seraient vos créneaux ?\nCordialement,\nSophie Bernard",
      createdAt: at(4, "19:12"),
    },
    {
      id: random.uuid(),
      conversationId: meeting,
      authorId: pins.directionId,
      body: "Bonjour Madame,\nJe peux vous recevoir jeudi à 17 h 30 dans mon bureau.\nBien cordialement,\nIsabelle Fontaine, principale",
      createdAt: at(3, "08:40"),
    },
    {
      id: random.uuid(),
      conversationId: outing,
      authorId: pins.leadTeacherId,
      body: "Chers parents,\nLa classe visitera le musée des Confluences jeudi prochain. Départ à 8 h 30 du collège, retour vers 16 h. Merci de prévoir un pique-nique.\nClaire Moreau",
      createdAt: at(5, "17:30"),
    },
    {
      id: random.uuid(),
      conversationId: outing,
      authorId: pins.otherGuardianId,
      privateTo: pins.leadTeacherId,
      body: "Bonjour, Hugo a une allergie aux arachides : je préviens pour le pique-nique. Nathalie Petit",
      createdAt: at(5, "20:05"),
    },
  ]);

  const note = random.uuid();
  await db.insert(carnetNotes).values({
    id: note,
    establishmentId: pins.establishmentId,
    authorId: pins.leadTeacherId,
    classId: theClass.id,
    title: "Réunion parents-professeurs",
    body: "La réunion parents-professeurs de la classe aura lieu mardi 1er décembre à partir de 17 h. Merci d'en prendre connaissance.",
    createdAt: at(3, "16:00"),
  });
  await db.insert(carnetRecipients).values(
    families.map((f) => ({ noteId: note, ...f, acknowledgedAt: f.guardianId === pins.otherGuardianId ? at(3, "18:20") : null })),
  );

  const welcome = random.uuid();
  const toClass = random.uuid();
  await db.insert(announcements).values([
    {
      id: welcome,
      establishmentId: pins.establishmentId,
      authorId: pins.directionId,
      title: "Bienvenue sur Préau",
      body: "Retrouvez ici l'emploi du temps, les notes, le cahier de textes et la messagerie du collège. Bonne année scolaire à toutes et à tous !",
      pinned: true,
      publishAt: at(14, "08:00"),
    },
    {
      id: toClass,
      establishmentId: pins.establishmentId,
      authorId: pins.directionId,
      title: `Photo de classe des ${pins.className}`,
      body: "Le photographe passera le vendredi 4 décembre. Les bons de commande seront distribués la semaine suivante.",
      roles: ["student", "guardian"],
      publishAt: at(2, "10:00"),
    },
  ]);
  await db.insert(announcementClasses).values({ announcementId: toClass, classId: theClass.id });
  await db.insert(canteenMenus).values(
    DEMO_MENUS.map((courses, offset) => ({ establishmentId: pins.establishmentId, day: addDays(pins.week, offset), courses })),
  );
}

/** The canteen's menus of the demo week, Monday to Friday. */
const DEMO_MENUS: MenuCourse[][] = [
  [
    { name: "Carottes râpées", allergens: [] },
    { name: "Lasagnes à la bolognaise", allergens: ["gluten", "milk", "eggs", "celery"] },
    { name: "Compote de pommes", allergens: [] },
  ],
  [
    { name: "Potage de légumes", allergens: ["celery"] },
    { name: "Filet de colin pané, riz", allergens: ["fish", "gluten"] },
    { name: "Yaourt nature", allergens: ["milk"] },
  ],
  [
    { name: "Salade de lentilles", allergens: ["mustard"] },
    { name: "Poulet rôti, haricots verts", allergens: [] },
    { name: "Tarte aux poires", allergens: ["gluten", "milk", "eggs"] },
  ],
  [
    { name: "Betteraves vinaigrette", allergens: ["mustard"] },
    { name: "Couscous aux légumes et pois chiches", allergens: ["gluten", "celery"] },
    { name: "Fruit de saison", allergens: [] },
  ],
  [
    { name: "Œuf mayonnaise", allergens: ["eggs", "mustard"] },
    { name: "Gratin de pâtes au fromage", allergens: ["gluten", "milk"] },
    { name: "Crème dessert au chocolat", allergens: ["milk", "soy"] },
  ],
];
