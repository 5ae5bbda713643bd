import type { Random } from "./random";

/** French first and last names, and the towns and eponyms (noms d'établissements) of generated schools. */

export type Gender = "female" | "male";

/** Popular first names of children born 2012–2020. */
const CHILD_FIRST_NAMES: Record<Gender, readonly string[]> = {
  female: [
    "Emma", "Jade", "Louise", "Alice", "Chloé", "Lina", "Léa", "Rose", "Anna", "Mila", "Inès", "Ambre", "Julia",
    "Mia", "Léna", "Manon", "Juliette", "Lou", "Zoé", "Camille", "Agathe", "Jeanne", "Lucie", "Éva", "Nina",
    "Sarah", "Romane", "Inaya", "Charlotte", "Léonie", "Adèle", "Iris", "Margaux", "Clémence", "Victoria", "Alix",
    "Capucine", "Lola", "Louna", "Salomé", "Maëlys", "Clara", "Valentine", "Elena", "Yasmine", "Maya", "Nour",
    "Sofia", "Héloïse", "Océane", "Giulia", "Aya", "Lyna", "Mathilde", "Constance",
  ],
  male: [
    "Gabriel", "Léo", "Raphaël", "Arthur", "Louis", "Lucas", "Adam", "Jules", "Hugo", "Maël", "Liam", "Noah",
    "Paul", "Ethan", "Tiago", "Sacha", "Gabin", "Nathan", "Mohamed", "Aaron", "Tom", "Éden", "Théo", "Noé",
    "Mathis", "Timéo", "Léon", "Marius", "Victor", "Martin", "Nolan", "Axel", "Enzo", "Baptiste", "Samuel",
    "Antoine", "Maxime", "Clément", "Ayoub", "Yanis", "Rayan", "Mathéo", "Valentin", "Robin", "Simon", "Esteban",
    "Malo", "Naël", "Côme", "Amir", "Ilyes", "Kylian", "Evan", "Isaac", "Oscar",
  ],
};

/** First names of adults born 1965–1995: parents, teachers, staff. */
const ADULT_FIRST_NAMES: Record<Gender, readonly string[]> = {
  female: [
    "Nathalie", "Isabelle", "Sylvie", "Catherine", "Valérie", "Sandrine", "Christine", "Céline", "Stéphanie",
    "Sophie", "Aurélie", "Virginie", "Émilie", "Julie", "Caroline", "Laetitia", "Karine", "Delphine", "Audrey",
    "Élodie", "Séverine", "Hélène", "Anne", "Claire", "Marie", "Laure", "Vanessa", "Mélanie", "Amandine",
    "Sabrina", "Fatima", "Samia", "Nadia", "Leïla", "Ophélie", "Magali", "Cécile", "Agnès", "Florence",
    "Géraldine", "Patricia", "Christelle", "Anaïs", "Pauline", "Marion", "Jessica", "Linh", "Aïcha", "Ana",
  ],
  male: [
    "Thomas", "Nicolas", "Julien", "Sébastien", "Christophe", "Stéphane", "David", "Frédéric", "Laurent",
    "Olivier", "Éric", "Jérôme", "Guillaume", "Vincent", "Cédric", "Mickaël", "Arnaud", "Fabien", "Romain",
    "Benjamin", "Damien", "Alexandre", "Mathieu", "Pierre", "Philippe", "François", "Yann", "Franck", "Xavier",
    "Karim", "Mehdi", "Samir", "Rachid", "Antoine", "Grégory", "Ludovic", "Bruno", "Pascal", "Hervé",
    "Emmanuel", "Jean-Marc", "Jean-Philippe", "Kevin", "Loïc", "Moussa", "Duc", "Mamadou", "Serge", "Yohann",
  ],
};

const LAST_NAMES: readonly string[] = [
  "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon",
  "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont",
  "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc",
  "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin",
  "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval",
  "Denis", "Dumont", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly",
  "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard", "Roche", "Renard",
  "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine",
  "Renaud", "Dumas", "Lacroix", "Olivier", "Bourgeois", "Benoît", "Rey", "Leclerc", "Payet", "Rolland",
  "Guillaume", "Lecomte", "Lopez", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis",
  "Moulin", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Adam",
  "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charpentier", "Ménard", "Maillard", "Baron", "Bertin",
  "Bailly", "Schneider", "Fernandez", "Le Gall", "Collet", "Léger", "Bouvier", "Prévost", "Millet", "Perrot",
  "Le Roux", "Cousin", "Germain", "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque",
  "Perrier", "Leblanc", "Lebrun", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud",
  "Rodriguez", "Gillet", "Étienne", "Tessier", "Chauvin", "Da Silva", "Bouchet", "Lemaître", "Humbert",
  "Reynaud", "Cordier", "Pichon", "Lejeune", "Gilbert", "Delaunay", "Pasquier", "Laporte", "Diallo",
  "Traoré", "Haddad", "Benali", "Nguyen", "Ferreira", "Diop", "Mendy", "Bensaïd", "Cissé", "Tran", "Yilmaz",
  "N'Diaye", "Kaddouri", "Ouali", "Rossi", "Dos Santos", "Pham", "Konaté", "Amrani", "Bouzid", "Ribeiro",
];

export const TOWNS: readonly string[] = [
  "Lyon", "Villeurbanne", "Vénissieux", "Vaulx-en-Velin", "Bron", "Caluire-et-Cuire", "Saint-Priest",
  "Rillieux-la-Pape", "Villefranche-sur-Saône", "Givors", "Oullins", "Décines-Charpieu", "Meyzieu", "Tarare",
  "Saint-Étienne", "Roanne", "Montbrison", "Firminy", "Bourg-en-Bresse", "Oyonnax", "Ambérieu-en-Bugey",
  "Valence", "Montélimar", "Romans-sur-Isère", "Grenoble", "Échirolles", "Vienne", "Voiron", "Chambéry",
  "Aix-les-Bains", "Annecy", "Annemasse", "Thonon-les-Bains", "Privas", "Annonay", "Aubenas",
];

/** People schools are named after. */
export const EPONYMS: readonly string[] = [
  "Jean Jaurès", "Victor Hugo", "Jules Ferry", "Louis Pasteur", "Marie Curie", "Jean Moulin", "Jacques Prévert",
  "Paul Éluard", "Simone Veil", "Jean de la Fontaine", "Antoine de Saint-Exupéry", "Albert Camus",
  "Louise Michel", "Georges Brassens", "Condorcet", "Voltaire", "Jean Rostand", "Pierre et Marie Curie",
  "Lucie Aubrac", "Olympe de Gouges", "Germaine Tillion", "Joséphine Baker", "Aimé Césaire", "Colette",
  "Frédéric Mistral", "Paul Langevin", "Honoré de Balzac", "George Sand", "Rosa Parks", "Charles Péguy",
  "Édouard Herriot", "Ampère", "Jean Monnet", "Émile Zola", "Gisèle Halimi", "Nelson Mandela", "Elsa Triolet",
];

export function pickLastName(random: Random): string {
  return random.pick(LAST_NAMES);
}

export function pickFirstName(random: Random, generation: "child" | "adult", gender: Gender): string {
  return random.pick((generation === "child" ? CHILD_FIRST_NAMES : ADULT_FIRST_NAMES)[gender]);
}

export function pickGender(random: Random): Gender {
  return random.chance(0.5) ? "female" : "male";
}
