import type { RichDoc, RichInline } from "@/server/rich-text/rich-text";

/**
 * What the demo's cahier de textes says, per subject of a 4e class: what each session did (in the order sessions come)
 * and the homework teachers give, with its estimated minutes and whether it is handed in.
 */
type Inline = string | { bold: string } | { italic: string };

const inline = (part: Inline): RichInline =>
  typeof part === "string"
    ? { type: "text", text: part }
    : "bold" in part
      ? { type: "text", text: part.bold, marks: [{ type: "bold" }] }
      : { type: "text", text: part.italic, marks: [{ type: "italic" }] };

/** A paragraph, then an optional bullet list. */
export function richDoc(text: Inline[], bullets: string[] = []): RichDoc {
  const list = bullets.length
    ? [{ type: "bulletList" as const, content: bullets.map((item) => ({ type: "listItem" as const, content: [{ type: "paragraph" as const, content: [inline(item)] }] })) }]
    : [];
  return { type: "doc", content: [{ type: "paragraph", content: text.map(inline) }, ...list] };
}

export interface DemoHomework {
  instructions: RichDoc;
  minutes: number;
  handIn?: boolean;
}

export interface SubjectLog {
  sessions: RichDoc[];
  homework: DemoHomework[];
  /** the share of sessions that end with homework */
  homeworkRate: number;
}

export const HOMEWORK_CATALOGUE: Record<string, SubjectLog> = {
  FRANC: {
    homeworkRate: 0.8,
    sessions: [
      richDoc(["Lecture analytique de ", { italic: "La Parure" }, " de Maupassant : la construction de la chute."]),
      richDoc(["Le récit réaliste au XIXe siècle : ", { bold: "les caractéristiques du réalisme" }], ["un cadre vraisemblable", "des personnages de toutes conditions", "un narrateur qui s'efface"]),
      richDoc(["Grammaire : les propositions subordonnées relatives. Exercices 3 et 4 p. 212 corrigés en classe."]),
      richDoc(["Lecture cursive : présentation des nouvelles au choix et constitution des groupes d'exposé."]),
      richDoc(["Atelier d'écriture : décrire un personnage par le regard d'un autre."]),
    ],
    homework: [
      { instructions: richDoc(["Relire ", { italic: "La Parure" }, " et relever trois indices qui annoncent la chute."]), minutes: 30 },
      { instructions: richDoc(["Apprendre la leçon sur le réalisme (fiche distribuée)."]), minutes: 20 },
      { instructions: richDoc(["Exercices 5 et 6 p. 213 sur les relatives."]), minutes: 25 },
      { instructions: richDoc(["Rédaction : le portrait d'un personnage réaliste, ", { bold: "une page" }, ", à rendre sur copie double."]), minutes: 60, handIn: true },
    ],
  },
  MATHS: {
    homeworkRate: 0.8,
    sessions: [
      richDoc(["Théorème de Pythagore : énoncé, démonstration par les aires, premiers calculs de longueur."]),
      richDoc(["Réciproque du théorème de Pythagore : démontrer qu'un triangle est rectangle."]),
      richDoc(["Calcul littéral : développer et réduire ", { bold: "k(a + b)" }, " et ", { bold: "(a + b)(c + d)" }, "."]),
      richDoc(["Correction de l'interrogation et remédiation sur les puissances de 10."]),
      richDoc(["Activité tableur : suites de nombres et formules."]),
    ],
    homework: [
      { instructions: richDoc(["Exercices 12, 13 et 15 p. 156."]), minutes: 30 },
      { instructions: richDoc(["Apprendre le théorème de Pythagore et sa réciproque (énoncés par cœur)."]), minutes: 15 },
      { instructions: richDoc(["Fiche d'exercices sur le développement, exercices 1 à 4."]), minutes: 30 },
      { instructions: richDoc([{ bold: "Devoir maison n° 3" }, " : problème de l'échelle contre le mur, à rendre rédigé."]), minutes: 45, handIn: true },
    ],
  },
  "HG-EMC": {
    homeworkRate: 0.5,
    sessions: [
      richDoc(["La révolution industrielle en Europe : les transformations du travail au XIXe siècle."]),
      richDoc(["Étude de document : une usine textile à Manchester vers 1850."]),
      richDoc(["EMC : la liberté d'expression et ses limites."]),
    ],
    homework: [
      { instructions: richDoc(["Apprendre les définitions : industrialisation, exode rural, prolétariat."]), minutes: 20 },
      { instructions: richDoc(["Compléter la carte des grandes régions industrielles (fiche)."]), minutes: 25 },
    ],
  },
  AGL1: {
    homeworkRate: 0.6,
    sessions: [
      richDoc(["Unit 3: ", { italic: "Famous inventors" }, ". Past simple vs present perfect."]),
      richDoc(["Listening: an interview with a young inventor; vocabulary of technology."]),
      richDoc(["Speaking: present an object you could not live without."]),
    ],
    homework: [
      { instructions: richDoc(["Learn the irregular verbs list, lines 1 to 20."]), minutes: 20 },
      { instructions: richDoc(["Workbook p. 34, exercises 1 and 2."]), minutes: 20 },
    ],
  },
  ESP2: {
    homeworkRate: 0.5,
    sessions: [richDoc(["La rutina diaria: los verbos reflexivos."]), richDoc(["Comprensión oral: un día en Madrid."])],
    homework: [{ instructions: richDoc(["Conjugar levantarse, ducharse y acostarse au présent."]), minutes: 15 }],
  },
  ALL2: {
    homeworkRate: 0.5,
    sessions: [richDoc(["Mein Tagesablauf: l'heure et les verbes à particule séparable."]), richDoc(["Lecture d'un emploi du temps allemand."])],
    homework: [{ instructions: richDoc(["Apprendre le vocabulaire de la leçon 4 (p. 52)."]), minutes: 15 }],
  },
  SVT: {
    homeworkRate: 0.4,
    sessions: [
      richDoc(["La reproduction sexuée chez l'être humain : de la puberté à la fécondation."]),
      richDoc(["Observation au microscope de cellules reproductrices (TP en demi-groupe)."]),
    ],
    homework: [{ instructions: richDoc(["Finir le schéma de l'appareil reproducteur et apprendre la légende."]), minutes: 20 }],
  },
  "PH-CH": {
    homeworkRate: 0.4,
    sessions: [richDoc(["Les transformations chimiques : réactifs et produits, conservation de la masse."]), richDoc(["TP : combustion du carbone, mise en évidence du dioxyde de carbone."])],
    homework: [{ instructions: richDoc(["Rédiger le compte rendu du TP (protocole, observations, conclusion)."]), minutes: 30, handIn: true }],
  },
  TECHN: {
    homeworkRate: 0.2,
    sessions: [richDoc(["Projet : conception d'un objet connecté, cahier des charges par groupe."])],
    homework: [{ instructions: richDoc(["Rechercher deux objets connectés existants et noter leurs fonctions."]), minutes: 20 }],
  },
  "A-PLA": {
    homeworkRate: 0.1,
    sessions: [richDoc(["Le point de vue : représenter un même objet sous trois angles."])],
    homework: [{ instructions: richDoc(["Apporter un petit objet du quotidien pour la prochaine séance."]), minutes: 5 }],
  },
  EDMUS: {
    homeworkRate: 0.1,
    sessions: [richDoc(["Écoute : ", { italic: "Les Quatre Saisons" }, " de Vivaldi, l'hiver. Reprise du chant du trimestre."])],
    homework: [{ instructions: richDoc(["Revoir les paroles du chant (couplets 1 et 2)."]), minutes: 10 }],
  },
  EPS: {
    homeworkRate: 0,
    sessions: [richDoc(["Demi-fond : course en durée, 2 × 8 minutes à allure régulière."]), richDoc(["Badminton : le service long et le dégagé."])],
    homework: [],
  },
  LCALA: {
    homeworkRate: 0.5,
    sessions: [richDoc(["La famille romaine : lecture d'un extrait de Plaute, la troisième déclinaison."])],
    homework: [{ instructions: richDoc(["Apprendre le modèle ", { italic: "consul, consulis" }, "."]), minutes: 15 }],
  },
};

/** A subject not in the catalogue still gets a plain entry. */
export const DEFAULT_SUBJECT_LOG: SubjectLog = {
  homeworkRate: 0.3,
  sessions: [richDoc(["Cours et exercices d'application."])],
  homework: [{ instructions: richDoc(["Revoir la leçon du jour."]), minutes: 15 }],
};
