/**
 * What the demo's teachers give in the first trimester, subject by subject: titles and topics by level, the barèmes
 * and coefficients they use, and the subjects' weights in the general average.
 */
/** The usual coefficients of the collège's subjects in the general average; Français weighs more in 3e. */
const SUBJECT_COEFFICIENTS: Readonly<Record<string, number>> = {
  FRANC: 3,
  MATHS: 3,
  "HG-EMC": 2,
  AGL1: 2,
  ESP2: 2,
  ALL2: 2,
  SVT: 1.5,
  "PH-CH": 1.5,
  TECHN: 1,
  "A-PLA": 1,
  EDMUS: 1,
  EPS: 1,
  LCALA: 1,
};
const LEVEL_COEFFICIENTS: Readonly<Record<string, Readonly<Record<string, number>>>> = { "3e": { FRANC: 4 } };

export function subjectCoefficient(code: string, level: string): number {
  return LEVEL_COEFFICIENTS[level]?.[code] ?? SUBJECT_COEFFICIENTS[code] ?? 1;
}

/** Topics by level ("6e"…"3e"), or "*" for every level. */
type Topics = Readonly<Record<string, readonly string[]>>;

/**
 * One kind of evaluation a teacher gives: "{n}" is its number in the trimester (Dictée n°2), "{topic}" a topic of
 * the level not used yet by the same teacher for the same class.
 */
export interface Template {
  title: string;
  topics?: Topics;
  outOf: readonly number[];
  coefficient: readonly number[];
  /** Given at most once a trimester (an exposé, a project). */
  once?: boolean;
}

const t = (title: string, outOf: readonly number[], coefficient: readonly number[], topics?: Topics): Template => ({
  title,
  outOf,
  coefficient,
  topics,
});
const once = (template: Template): Template => ({ ...template, once: true });

const FRENCH_GRAMMAR: Topics = {
  "6e": ["la ponctuation", "les classes grammaticales", "le présent de l'indicatif", "l'accord sujet-verbe"],
  "5e": ["l'imparfait et le passé simple", "les compléments du verbe", "les types de phrases", "les homophones"],
  "4e": ["les propositions subordonnées", "le subjonctif présent", "les valeurs des temps", "les figures de style"],
  "3e": ["les subordonnées circonstancielles", "les temps composés", "la voix passive", "le discours rapporté"],
};
const FRENCH_WRITING: Topics = {
  "6e": ["la suite d'un conte", "décrire un monstre", "récit d'aventure"],
  "5e": ["récit de chevalerie", "lettre à un ami", "raconter un voyage"],
  "4e": ["nouvelle réaliste", "lettre argumentée", "récit fantastique"],
  "3e": ["récit autobiographique", "texte argumentatif", "scène de théâtre"],
};
const FRENCH_READING: Topics = {
  "6e": ["L'Odyssée", "les Fables de La Fontaine", "les contes de Perrault"],
  "5e": ["Yvain ou le Chevalier au lion", "Les Fourberies de Scapin", "le Roman de Renart"],
  "4e": ["Le Horla", "Le Médecin malgré lui", "Les Misérables"],
  "3e": ["W ou le Souvenir d'enfance", "Enfance", "Antigone"],
};
const MATHS_TOPICS: Topics = {
  "6e": ["nombres décimaux", "fractions", "angles", "division euclidienne", "symétrie axiale", "périmètres"],
  "5e": ["priorités opératoires", "nombres relatifs", "fractions", "triangles", "symétrie centrale", "statistiques"],
  "4e": ["nombres relatifs", "fractions", "puissances", "théorème de Pythagore", "calcul littéral", "proportionnalité"],
  "3e": ["arithmétique", "calcul littéral", "théorème de Thalès", "fonctions", "probabilités", "équations"],
};
const HISTORY_TOPICS: Topics = {
  "6e": ["les débuts de l'humanité", "la Mésopotamie", "le monde grec", "Rome"],
  "5e": ["le Moyen Âge", "l'Empire byzantin et l'Empire carolingien", "les débuts de l'islam", "la société féodale"],
  "4e": ["le siècle des Lumières", "la Révolution française", "l'Empire napoléonien", "la révolution industrielle"],
  "3e": ["la Première Guerre mondiale", "les régimes totalitaires", "la Seconde Guerre mondiale", "la guerre froide"],
};
const GEOGRAPHY_TOPICS: Topics = {
  "6e": ["habiter une métropole", "habiter un espace de faible densité", "habiter les littoraux"],
  "5e": ["la croissance démographique", "l'accès à l'eau", "l'énergie"],
  "4e": ["l'urbanisation du monde", "les mobilités humaines", "la mondialisation"],
  "3e": ["les aires urbaines", "les espaces productifs", "la France et l'Union européenne"],
};
const CIVICS_TOPICS: Topics = {
  "6e": ["être élève au collège", "la laïcité"],
  "5e": ["l'égalité et les discriminations", "la sécurité"],
  "4e": ["la justice en France", "la liberté d'expression"],
  "3e": ["la Défense nationale", "la citoyenneté"],
};
const ENGLISH_THEMES: Topics = {
  "6e": ["my family", "my school", "London"],
  "5e": ["food", "holidays", "famous people"],
  "4e": ["New York", "healthy living", "heroes"],
  "3e": ["civil rights", "Ireland", "future jobs"],
};
const ENGLISH_GRAMMAR: Topics = {
  "6e": ["be et have got", "le présent simple", "le présent en be + -ing"],
  "5e": ["le prétérit", "les comparatifs", "can et must"],
  "4e": ["le present perfect", "le futur", "les modaux"],
  "3e": ["le pluperfect", "le passif", "le discours indirect"],
};
const SPANISH_THEMES: Topics = {
  "5e": ["la familia", "el colegio", "los gustos"],
  "4e": ["la ciudad", "las fiestas", "el tiempo libre"],
  "3e": ["México", "los viajes", "el medio ambiente"],
};
const SPANISH_GRAMMAR: Topics = {
  "5e": ["ser et estar", "le présent de l'indicatif", "l'accord des adjectifs"],
  "4e": ["le passé simple", "le verbe gustar", "la diphtongue"],
  "3e": ["l'imparfait", "l'impératif", "le subjonctif présent"],
};
const GERMAN_THEMES: Topics = {
  "6e": ["die Familie", "die Schule", "Tiere"],
  "5e": ["Hobbys", "Essen und Trinken", "mein Zimmer"],
  "4e": ["die Stadt", "Ferien", "Kleidung"],
  "3e": ["Berlin", "Umwelt", "Berufe"],
};
const GERMAN_GRAMMAR: Topics = {
  "6e": ["les articles", "le présent"],
  "5e": ["l'accusatif", "les verbes de modalité"],
  "4e": ["le datif", "le parfait"],
  "3e": ["le prétérit", "les subordonnées"],
};
const SVT_TOPICS: Topics = {
  "6e": ["classer le vivant", "les besoins des végétaux", "les roches", "la cellule"],
  "5e": ["la respiration", "la digestion", "les paysages et l'érosion", "la circulation sanguine"],
  "4e": ["la reproduction", "les séismes", "le système nerveux", "les volcans"],
  "3e": ["la génétique", "l'évolution", "le système immunitaire", "la météorologie", "l'alimentation"],
};
const PHYSICS_TOPICS: Topics = {
  "6e": ["les états de la matière", "les mélanges", "les sources d'énergie", "le mouvement"],
  "5e": ["les changements d'état", "les circuits électriques", "la masse volumique"],
  "4e": ["la lumière", "les molécules", "la vitesse", "la tension électrique"],
  "3e": ["les ions", "l'énergie", "la gravitation", "les transformations chimiques"],
};
const TECHNOLOGY_TOPICS: Topics = {
  "6e": ["les objets techniques", "les matériaux", "les familles d'objets", "le fonctionnement d'un vélo"],
  "5e": ["l'énergie", "le cahier des charges", "les solutions techniques", "la modélisation 3D"],
  "4e": ["la programmation", "les réseaux", "les capteurs", "le traitement de l'information"],
  "3e": ["les objets connectés", "la chaîne d'information", "l'impression 3D", "la domotique"],
};
const ART_TOPICS: Topics = {
  "*": ["l'objet détourné", "paysage imaginaire", "nature morte", "collage", "bande dessinée", "autoportrait"],
};
const ARTWORKS: Topics = {
  "*": ["La Joconde", "La Nuit étoilée", "Guernica", "Les Nymphéas", "Le Radeau de la Méduse"],
};
const MUSIC_WORKS: Topics = {
  "*": ["Les Quatre Saisons", "le Boléro de Ravel", "La Moldau", "Pierre et le Loup", "la Symphonie du Nouveau Monde"],
};
const MUSIC_TOPICS: Topics = { "*": ["les familles d'instruments", "le rythme", "la voix", "le timbre"] };
const SPORTS: Topics = {
  "*": ["demi-fond", "badminton", "acrosport", "handball", "natation", "gymnastique", "course d'orientation", "basket"],
};
const LATIN_GRAMMAR: Topics = {
  "5e": ["la première déclinaison", "le présent de l'indicatif", "le verbe esse"],
  "4e": ["la troisième déclinaison", "le parfait", "les adjectifs"],
  "3e": ["les pronoms relatifs", "le passif", "le participe"],
};
const LATIN_CULTURE: Topics = {
  "*": ["la fondation de Rome", "les dieux de l'Olympe", "la famille romaine", "les thermes", "les gladiateurs"],
};

/** What each subject's teachers give: the barèmes and coefficients they use, first the most frequent. */
export const TEMPLATES: Readonly<Record<string, readonly Template[]>> = {
  FRANC: [
    t("Dictée n°{n}", [20, 20, 10], [1]),
    t("Évaluation : {topic}", [20], [1, 1, 2], FRENCH_GRAMMAR),
    t("Rédaction : {topic}", [20, 40], [2], FRENCH_WRITING),
    t("Contrôle de lecture : {topic}", [20, 10], [1], FRENCH_READING),
    t("Récitation", [10, 20], [0.5, 1]),
  ],
  MATHS: [
    t("Contrôle : {topic}", [20, 20, 40], [2, 2, 1], MATHS_TOPICS),
    t("Interrogation : {topic}", [10, 20], [1, 0.5], MATHS_TOPICS),
    t("Devoir maison n°{n}", [20], [1, 0.5]),
    t("Calcul mental n°{n}", [10], [0.5, 1]),
  ],
  "HG-EMC": [
    t("Évaluation : {topic}", [20], [2, 1], HISTORY_TOPICS),
    t("Contrôle de géographie : {topic}", [20], [1, 2], GEOGRAPHY_TOPICS),
    t("Questions de cours : {topic}", [10, 20], [0.5, 1], HISTORY_TOPICS),
    t("EMC : {topic}", [20], [1], CIVICS_TOPICS),
    once(t("Exposé : {topic}", [20], [1], HISTORY_TOPICS)),
  ],
  AGL1: [
    t("Compréhension orale : {topic}", [20, 10], [1], ENGLISH_THEMES),
    t("Compréhension écrite : {topic}", [20], [1], ENGLISH_THEMES),
    t("Expression orale : {topic}", [20], [1, 2], ENGLISH_THEMES),
    t("Contrôle : {topic}", [20], [2, 1], ENGLISH_GRAMMAR),
    t("Test de vocabulaire n°{n}", [10], [0.5, 1]),
  ],
  ESP2: [
    t("Compréhension orale : {topic}", [20, 10], [1], SPANISH_THEMES),
    t("Expression écrite : {topic}", [20], [1], SPANISH_THEMES),
    t("Expression orale : {topic}", [20], [1, 2], SPANISH_THEMES),
    t("Contrôle : {topic}", [20], [2, 1], SPANISH_GRAMMAR),
    t("Test de vocabulaire n°{n}", [10], [0.5, 1]),
  ],
  ALL2: [
    t("Compréhension orale : {topic}", [20, 10], [1], GERMAN_THEMES),
    t("Expression écrite : {topic}", [20], [1], GERMAN_THEMES),
    t("Expression orale : {topic}", [20], [1, 2], GERMAN_THEMES),
    t("Contrôle : {topic}", [20], [2, 1], GERMAN_GRAMMAR),
    t("Test de vocabulaire n°{n}", [10], [0.5, 1]),
  ],
  SVT: [
    t("Évaluation : {topic}", [20], [2, 1], SVT_TOPICS),
    t("Compte rendu de TP : {topic}", [20], [1], SVT_TOPICS),
    t("Questions de cours : {topic}", [10], [0.5, 1], SVT_TOPICS),
    once(t("Exposé : {topic}", [20], [1], SVT_TOPICS)),
  ],
  "PH-CH": [
    t("Évaluation : {topic}", [20], [2, 1], PHYSICS_TOPICS),
    t("Compte rendu de TP : {topic}", [20], [1], PHYSICS_TOPICS),
    t("Interrogation : {topic}", [10, 20], [0.5, 1], PHYSICS_TOPICS),
  ],
  TECHN: [
    t("Évaluation : {topic}", [20], [1, 2], TECHNOLOGY_TOPICS),
    once(t("Projet : {topic}", [20, 40], [2, 1], TECHNOLOGY_TOPICS)),
    once(t("Exposé : {topic}", [20], [1], TECHNOLOGY_TOPICS)),
  ],
  "A-PLA": [
    t("Production plastique : {topic}", [20], [1, 2], ART_TOPICS),
    t("Analyse d'œuvre : {topic}", [20, 10], [1], ARTWORKS),
    t("Carnet de croquis", [20], [1, 0.5]),
  ],
  EDMUS: [
    t("Chant n°{n}", [20], [1]),
    t("Écoute : {topic}", [20, 10], [1], MUSIC_WORKS),
    t("Évaluation : {topic}", [20], [1, 2], MUSIC_TOPICS),
  ],
  EPS: [t("Évaluation : {topic}", [20], [1, 2, 1], SPORTS), t("Cycle {topic}", [20], [2, 1], SPORTS)],
  LCALA: [
    t("Évaluation : {topic}", [20], [1, 2], LATIN_GRAMMAR),
    t("Version latine : {topic}", [20], [2, 1], LATIN_CULTURE),
    once(t("Exposé : {topic}", [20], [1], LATIN_CULTURE)),
    t("Test de vocabulaire n°{n}", [10], [0.5, 1]),
  ],
};
export const FALLBACK_TEMPLATES: readonly Template[] = [t("Évaluation n°{n}", [20], [1])];
