"""The French vocabulary the demo draws from: sectors, pains, pitches, names and places.

(`demo_content_en` is the English one, same names, used when the interface is in English.)

Everything here is invented for the demo. Phone numbers come from the ranges ARCEP
keeps for fiction (01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49), emails from the
reserved `.example` domain (RFC 2606), so that no real person is ever called or mailed.
The product the demo user sells: a management suite for small businesses (quotes and
invoices, planning, payment reminders, a dashboard). Pains and pitches are written as
a salesperson who wants to help would note them before calling.
"""

from __future__ import annotations

from dataclasses import dataclass

COUNTRY = "FR"
#: Numbers in each fiction range: 0000 to 9999 after the range's six digits.
PHONE_POOL = 10000
#: "SARL Menuiserie Roux" as often as "Menuiserie Roux SARL".
LEGAL_FORM_MAY_LEAD = True
#: "de" before a vowel becomes "d'" ("Pharmacie d'Angers").
ELIDE_DE = True


def phone_number(prefix: str, serial: int) -> tuple[str, str]:
    """A fiction number of the range `prefix` ("046571"): its national text and E.164."""
    digits = f"{prefix}{serial:04d}"
    raw = " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    return raw, "+33" + digits[1:]


@dataclass(frozen=True)
class Sector:
    """One kind of business: how such companies are named and what they struggle with."""

    tag: str
    industry: str
    names: tuple[str, ...]  # patterns: {nom} a surname, {prenom} a first name, {ville} the city
    legal_forms: tuple[str, ...]
    sizes: tuple[str, ...]
    boss_titles: tuple[tuple[str, str], ...]  # (masculine, feminine)
    other_titles: tuple[tuple[str, str], ...]
    pains: tuple[str, ...]
    pitches: tuple[str, ...]
    weight: int = 1  # how common the sector is in the demo file


SECTORS: tuple[Sector, ...] = (
    Sector(
        tag="boulangerie",
        industry="Boulangerie-pâtisserie",
        names=(
            "Boulangerie {nom}",
            "Au Fournil de {prenom}",
            "Maison {nom}",
            "Le Pain de {ville}",
            "Boulangerie du Marché",
        ),
        legal_forms=("SARL", "EURL", "SAS"),
        sizes=("3 salariés", "6 salariés", "12 salariés", "2 boutiques, 18 salariés"),
        boss_titles=(("Artisan boulanger, gérant", "Artisane boulangère, gérante"),),
        other_titles=(("Responsable boutique", "Responsable boutique"),),
        pains=(
            "Les commandes des restaurants arrivent par SMS, par téléphone et sur papier : "
            "deux oublis le mois dernier.",
            "Les factures aux professionnels se font le dimanche soir, à la main.",
            "Les retards de paiement de deux cantines pèsent sur la trésorerie.",
            "Le planning des vendeuses change chaque semaine et se règle au téléphone.",
        ),
        pitches=(
            "Un bon de commande en ligne pour les restaurants, relié aux factures : plus "
            "d'oubli, et les factures partent toutes seules en fin de mois.",
            "Relances de paiement automatiques et polies : la trésorerie respire sans "
            "fâcher les clients.",
            "Planning partagé sur téléphone : chacune voit ses horaires, les échanges se "
            "font sans appels.",
        ),
        weight=3,
    ),
    Sector(
        tag="menuiserie",
        industry="Menuiserie, agencement",
        names=("Menuiserie {nom}", "Atelier Bois {nom}", "{nom} Agencement", "Ébénisterie {nom}"),
        legal_forms=("SARL", "SAS", "EURL"),
        sizes=("4 salariés", "9 salariés", "15 salariés"),
        boss_titles=(("Gérant", "Gérante"), ("Menuisier, dirigeant", "Menuisière, dirigeante")),
        other_titles=(("Chef d'atelier", "Cheffe d'atelier"), ("Secrétaire", "Secrétaire")),
        pains=(
            "Les devis prennent deux soirées par semaine ; un sur trois n'est jamais relancé.",
            "Les heures passées sur chaque chantier ne sont pas suivies : impossible de savoir "
            "quels chantiers rapportent.",
            "Les acomptes sont oubliés une fois sur cinq.",
        ),
        pitches=(
            "Des devis en dix minutes à partir de modèles, et une relance automatique à J+7 : "
            "plus de devis signés sans y passer les soirées.",
            "Le temps passé saisi sur téléphone, chantier par chantier : la marge réelle de "
            "chaque chantier, chaque semaine.",
            "Acompte demandé à la signature, facture de solde en un clic.",
        ),
        weight=3,
    ),
    Sector(
        tag="comptabilité",
        industry="Expertise comptable",
        names=("Cabinet {nom}", "{nom} & Associés", "{nom} Expertise", "Fiducia {ville}"),
        legal_forms=("SELARL", "SAS", "SARL"),
        sizes=("8 collaborateurs", "14 collaborateurs", "25 collaborateurs"),
        boss_titles=(
            ("Expert-comptable associé", "Experte-comptable associée"),
            ("Directeur du cabinet", "Directrice du cabinet"),
        ),
        other_titles=(
            ("Assistant de direction", "Assistante de direction"),
            ("Responsable de mission", "Responsable de mission"),
        ),
        pains=(
            "Les pièces des clients arrivent en vrac en fin de mois ; les collaborateurs les "
            "réclament par mail, un par un.",
            "La facturation des missions exceptionnelles est souvent oubliée.",
            "Les clients artisans demandent un outil de devis simple, le cabinet n'a rien à "
            "leur conseiller.",
        ),
        pitches=(
            "Vos clients envoient leurs factures au fil de l'eau depuis notre application : "
            "moins de relances en fin de mois.",
            "Un outil de devis et factures à recommander à vos clients artisans, dont les "
            "données vous arrivent propres.",
        ),
        weight=2,
    ),
    Sector(
        tag="transport",
        industry="Transport routier de marchandises",
        names=("Transports {nom}", "{nom} Logistique", "Express {ville}", "TRL {nom}"),
        legal_forms=("SAS", "SARL", "SA"),
        sizes=("12 salariés, 9 camions", "30 salariés", "55 salariés"),
        boss_titles=(("Directeur général", "Directrice générale"), ("Gérant", "Gérante")),
        other_titles=(
            ("Responsable d'exploitation", "Responsable d'exploitation"),
            ("Standard", "Standard"),
        ),
        pains=(
            "Les tournées se préparent sur tableur chaque soir ; un camion roule souvent à "
            "moitié vide l'après-midi.",
            "Les lettres de voiture papier se perdent, la facturation attend.",
            "Le coût du gazole a pris 12 % cette année et les tarifs n'ont pas suivi.",
        ),
        pitches=(
            "La facture part dès la livraison confirmée, depuis le téléphone du chauffeur : "
            "deux semaines de trésorerie gagnées.",
            "Un tableau de bord par client et par tournée, pour renégocier les tarifs avec "
            "des chiffres.",
        ),
        weight=2,
    ),
    Sector(
        tag="agence web",
        industry="Agence web et communication",
        names=("Studio {mot}", "{mot} Digital", "Agence {mot}", "Pixel {mot}"),
        legal_forms=("SAS", "SASU", "SARL"),
        sizes=("3 personnes", "7 personnes", "16 personnes"),
        boss_titles=(("Fondateur", "Fondatrice"), ("Directeur associé", "Directrice associée")),
        other_titles=(("Chef de projet", "Cheffe de projet"), ("Office manager", "Office manager")),
        pains=(
            "Les dépassements de temps sur les projets au forfait ne sont vus qu'à la fin.",
            "La maintenance mensuelle est facturée à la main, avec des oublis.",
            "Trois outils différents pour le temps, les devis et les factures.",
        ),
        pitches=(
            "Temps passé et budget vendu côte à côte, projet par projet : le dépassement se "
            "voit à 80 %, pas à 130 %.",
            "Les abonnements de maintenance facturés automatiquement chaque mois.",
        ),
        weight=2,
    ),
    Sector(
        tag="btp",
        industry="Bâtiment, gros œuvre",
        names=("{nom} Bâtiment", "{nom} Construction", "Maçonnerie {nom}", "{nom} TP"),
        legal_forms=("SAS", "SARL", "EURL"),
        sizes=("6 salariés", "20 salariés", "45 salariés"),
        boss_titles=(("Gérant", "Gérante"), ("Président", "Présidente")),
        other_titles=(
            ("Conducteur de travaux", "Conductrice de travaux"),
            ("Assistant administratif", "Assistante administrative"),
        ),
        pains=(
            "Les situations de travaux se montent sur Excel, avec des erreurs de cumul.",
            "Les retenues de garantie ne sont pas suivies : de l'argent jamais récupéré.",
            "Les équipes reçoivent le planning du lendemain par SMS à 21 h.",
        ),
        pitches=(
            "Situations de travaux et retenues de garantie calculées et suivies, avec une "
            "alerte à l'échéance : l'argent dû rentre.",
            "Le planning des équipes sur téléphone, à jour en temps réel.",
        ),
        weight=3,
    ),
    Sector(
        tag="restaurant",
        industry="Restauration",
        names=(
            "Restaurant Le {mot}",
            "Brasserie du {lieu}",
            "Le Comptoir de {prenom}",
            "Chez {prenom}",
        ),
        legal_forms=("SARL", "SAS", "EURL"),
        sizes=("5 salariés", "11 salariés", "22 salariés"),
        boss_titles=(("Gérant", "Gérante"), ("Chef cuisinier, associé", "Cheffe, associée")),
        other_titles=(("Chef de salle", "Cheffe de salle"),),
        pains=(
            "Les privatisations et repas d'entreprise se gèrent par mail ; les acomptes se "
            "perdent.",
            "Les factures fournisseurs s'empilent à côté de la caisse.",
            "Les plannings de salle changent tous les jours.",
        ),
        pitches=(
            "Devis de privatisation en trois clics, acompte demandé et suivi : les groupes "
            "confirment plus vite.",
            "Planning de salle partagé, échanges d'horaires sans appels.",
        ),
        weight=2,
    ),
    Sector(
        tag="garage",
        industry="Garage automobile",
        names=("Garage {nom}", "Garage du {lieu}", "Auto Service {ville}", "Carrosserie {nom}"),
        legal_forms=("SARL", "EURL", "SAS"),
        sizes=("3 salariés", "7 salariés", "14 salariés"),
        boss_titles=(("Garagiste, gérant", "Gérante"),),
        other_titles=(("Réceptionnaire atelier", "Réceptionnaire atelier"), ("Accueil", "Accueil")),
        pains=(
            "Les devis de réparation partent tard ; les clients vont voir ailleurs.",
            "Les flottes d'entreprise paient à 60 jours, parfois plus.",
            "Les rendez-vous se prennent sur un cahier à l'accueil.",
        ),
        pitches=(
            "Le devis part par SMS pendant que le véhicule est sur le pont, accepté d'un clic.",
            "Relance automatique des factures des flottes, avec le relevé joint.",
        ),
        weight=2,
    ),
    Sector(
        tag="pharmacie",
        industry="Pharmacie d'officine",
        names=(
            "Pharmacie {nom}",
            "Pharmacie du {lieu}",
            "Pharmacie de la Gare",
            "Grande Pharmacie de {ville}",
        ),
        legal_forms=("SELARL", "SNC", "SELAS"),
        sizes=("6 salariés", "12 salariés", "20 salariés"),
        boss_titles=(("Pharmacien titulaire", "Pharmacienne titulaire"),),
        other_titles=(
            ("Préparateur", "Préparatrice"),
            ("Pharmacien adjoint", "Pharmacienne adjointe"),
        ),
        pains=(
            "Les factures aux EHPAD voisins se font à part, à la main, chaque mois.",
            "Le planning de l'équipe se négocie sur un tableau blanc.",
        ),
        pitches=(
            "Les factures aux établissements regroupées et envoyées automatiquement en fin "
            "de mois.",
            "Planning d'équipe partagé, avec les gardes et les congés au même endroit.",
        ),
        weight=2,
    ),
    Sector(
        tag="plomberie",
        industry="Plomberie, chauffage",
        names=("{nom} Plomberie", "{nom} Chauffage", "Thermi {ville}", "Plomberie {nom} & Fils"),
        legal_forms=("SARL", "EURL", "SAS"),
        sizes=("2 salariés", "5 salariés", "10 salariés"),
        boss_titles=(("Artisan plombier, gérant", "Gérante"),),
        other_titles=(("Secrétaire", "Secrétaire"),),
        pains=(
            "Les contrats d'entretien de chaudière sont suivis sur un cahier : des rappels "
            "oubliés, des clients perdus.",
            "Les interventions d'urgence sont facturées des semaines plus tard.",
        ),
        pitches=(
            "Rappel automatique des entretiens annuels : les contrats se renouvellent seuls.",
            "Facture faite sur place à la fin de l'intervention, payée par carte.",
        ),
        weight=2,
    ),
    Sector(
        tag="immobilier",
        industry="Agence immobilière",
        names=("{nom} Immobilier", "Agence du {lieu}", "{ville} Habitat"),
        legal_forms=("SARL", "SAS"),
        sizes=("4 négociateurs", "9 salariés"),
        boss_titles=(("Directeur d'agence", "Directrice d'agence"),),
        other_titles=(("Négociateur", "Négociatrice"), ("Assistant", "Assistante")),
        pains=(
            "Les honoraires de gestion locative sont facturés à la main chaque trimestre.",
            "Les relances des propriétaires pour les documents prennent des heures.",
        ),
        pitches=(
            "Honoraires de gestion facturés automatiquement, avec relance des impayés.",
            "Demandes de pièces envoyées et relancées automatiquement.",
        ),
    ),
    Sector(
        tag="nettoyage",
        industry="Nettoyage industriel",
        names=("{nom} Propreté", "Net {ville}", "Clean {mot}"),
        legal_forms=("SAS", "SARL"),
        sizes=("25 salariés", "60 salariés", "120 salariés"),
        boss_titles=(("Directeur général", "Directrice générale"),),
        other_titles=(("Chef d'équipe", "Cheffe d'équipe"), ("Responsable RH", "Responsable RH")),
        pains=(
            "Les heures des agents remontent sur papier ; la paie et la facturation en dépendent.",
            "Les contrats récurrents sont facturés avec des écarts d'un mois sur l'autre.",
        ),
        pitches=(
            "Pointage des agents sur téléphone, qui alimente la facture du client.",
            "Contrats récurrents facturés à l'identique chaque mois, sans ressaisie.",
        ),
    ),
    Sector(
        tag="imprimerie",
        industry="Imprimerie",
        names=("Imprimerie {nom}", "{mot} Print", "Atelier Graphique {nom}"),
        legal_forms=("SARL", "SAS"),
        sizes=("5 salariés", "12 salariés"),
        boss_titles=(("Gérant", "Gérante"),),
        other_titles=(("Commercial sédentaire", "Commerciale sédentaire"),),
        pains=(
            "Chaque devis se calcule à la main selon le papier, la quantité et la finition.",
            "Beaucoup de devis envoyés, peu de retours, et aucune relance.",
        ),
        pitches=(
            "Grilles de prix enregistrées : le devis se calcule seul, en une minute.",
            "Relance automatique des devis en attente, avec un tableau de ceux qui dorment.",
        ),
    ),
    Sector(
        tag="architecture",
        industry="Cabinet d'architecte",
        names=("Atelier {nom} Architectes", "{nom} Architecture", "Agence {mot} Architecture"),
        legal_forms=("SARL", "SAS", "EURL"),
        sizes=("3 personnes", "8 personnes"),
        boss_titles=(("Architecte associé", "Architecte associée"),),
        other_titles=(("Assistant de projet", "Assistante de projet"),),
        pains=(
            "Les honoraires par phase (esquisse, APS, APD…) sont suivis sur tableur.",
            "Le temps passé par projet n'est pas comparé aux honoraires.",
        ),
        pitches=("Honoraires par phase facturés à l'avancement, avec le temps passé en regard.",),
    ),
    Sector(
        tag="hôtellerie",
        industry="Hôtellerie",
        names=("Hôtel {mot}", "Hôtel du {lieu}", "Les Chambres de {prenom}"),
        legal_forms=("SARL", "SAS"),
        sizes=("8 salariés", "18 salariés"),
        boss_titles=(("Directeur", "Directrice"),),
        other_titles=(("Réceptionniste", "Réceptionniste"), ("Gouvernant", "Gouvernante")),
        pains=(
            "Les séminaires d'entreprise se facturent à part, avec beaucoup de ressaisie.",
            "Les plannings de ménage changent avec les réservations.",
        ),
        pitches=("Devis et factures de séminaires en quelques minutes, acomptes suivis.",),
    ),
)

#: Words for names built on a common noun ("Studio Horizon", "Restaurant Le Galion").
WORDS: tuple[str, ...] = (
    "Horizon",
    "Azur",
    "Galion",
    "Boussole",
    "Alizé",
    "Ardoise",
    "Tilleul",
    "Mistral",
    "Comète",
    "Sillon",
    "Phare",
    "Ancre",
    "Cèdre",
    "Lumière",
    "Vertige",
    "Passerelle",
    "Olivier",
    "Canopée",
    "Escale",
    "Opale",
)
#: Places for "du ..." names ("Garage du Centre", "Brasserie du Port").
PLACES: tuple[str, ...] = (
    "Centre",
    "Port",
    "Marché",
    "Château",
    "Pont",
    "Parc",
    "Lac",
    "Canal",
    "Moulin",
    "Rond-Point",
)

#: (city, postal code, phone range of its region: ARCEP fiction numbers).
CITIES: tuple[tuple[str, str, str], ...] = (
    ("Paris", "75011", "019900"),
    ("Paris", "75015", "019900"),
    ("Montreuil", "93100", "019900"),
    ("Boulogne-Billancourt", "92100", "019900"),
    ("Versailles", "78000", "019900"),
    ("Créteil", "94000", "019900"),
    ("Nantes", "44000", "026191"),
    ("Rezé", "44400", "026191"),
    ("Rennes", "35000", "026191"),
    ("Brest", "29200", "026191"),
    ("Caen", "14000", "026191"),
    ("Rouen", "76000", "026191"),
    ("Angers", "49000", "026191"),
    ("Tours", "37000", "026191"),
    ("Orléans", "45000", "026191"),
    ("Lille", "59000", "035301"),
    ("Roubaix", "59100", "035301"),
    ("Strasbourg", "67000", "035301"),
    ("Metz", "57000", "035301"),
    ("Nancy", "54000", "035301"),
    ("Reims", "51100", "035301"),
    ("Dijon", "21000", "035301"),
    ("Amiens", "80000", "035301"),
    ("Lyon", "69003", "046571"),
    ("Lyon", "69007", "046571"),
    ("Villeurbanne", "69100", "046571"),
    ("Marseille", "13006", "046571"),
    ("Nice", "06000", "046571"),
    ("Grenoble", "38000", "046571"),
    ("Montpellier", "34000", "046571"),
    ("Saint-Étienne", "42000", "046571"),
    ("Annecy", "74000", "046571"),
    ("Avignon", "84000", "046571"),
    ("Toulouse", "31000", "053649"),
    ("Bordeaux", "33000", "053649"),
    ("Pau", "64000", "053649"),
    ("Limoges", "87000", "053649"),
    ("Poitiers", "86000", "053649"),
    ("La Rochelle", "17000", "053649"),
    ("Bayonne", "64100", "053649"),
)

STREETS: tuple[str, ...] = (
    "rue de la République",
    "avenue Jean Jaurès",
    "rue Victor Hugo",
    "boulevard Gambetta",
    "rue du Commerce",
    "rue des Artisans",
    "avenue de la Gare",
    "rue Pasteur",
    "zone artisanale des Landes",
    "rue du Moulin",
    "place du Marché",
    "chemin des Vignes",
    "rue de l'Industrie",
    "allée des Tilleuls",
    "rue Nationale",
    "quai des Bateliers",
)

FIRST_NAMES_F: tuple[str, ...] = (
    "Élodie",
    "Camille",
    "Nathalie",
    "Sophie",
    "Isabelle",
    "Claire",
    "Aurélie",
    "Julie",
    "Sandrine",
    "Céline",
    "Marion",
    "Émilie",
    "Laure",
    "Agnès",
    "Hélène",
    "Inès",
    "Léa",
    "Manon",
    "Chloé",
    "Sarah",
    "Nadia",
    "Fatima",
    "Anne",
    "Valérie",
    "Mélanie",
    "Karine",
    "Laetitia",
    "Stéphanie",
    "Pauline",
    "Margaux",
    "Yasmine",
    "Louise",
    "Géraldine",
)
FIRST_NAMES_M: tuple[str, ...] = (
    "François",
    "Jean-Baptiste",
    "Nicolas",
    "Julien",
    "Thomas",
    "Stéphane",
    "Laurent",
    "Olivier",
    "Sébastien",
    "Christophe",
    "Mathieu",
    "Antoine",
    "Pierre",
    "Frédéric",
    "Guillaume",
    "Benoît",
    "Cédric",
    "Jérôme",
    "Damien",
    "Karim",
    "Mehdi",
    "Hugo",
    "Lucas",
    "Maxime",
    "Yannick",
    "Bruno",
    "Patrick",
    "Philippe",
    "Rémi",
    "Théo",
    "Vincent",
    "Loïc",
)
LAST_NAMES: tuple[str, ...] = (
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Muller",
    "Henry",
    "Roussel",
    "Perrin",
    "Morin",
    "Mathieu",
    "Clément",
    "Gauthier",
    "Dumont",
    "Lopez",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Nguyen",
    "Boyer",
    "Denis",
    "Lemaire",
    "Duval",
    "Joly",
    "Roche",
    "Meyer",
    "Lucas",
    "Meunier",
    "Marchand",
    "Dufour",
    "Blanchard",
    "Barbier",
    "Brun",
    "Dumas",
    "Brunet",
    "Schmitt",
    "Leroux",
    "Colin",
    "Renard",
    "Arnaud",
    "Caron",
    "Aubert",
    "Giraud",
    "Leclerc",
    "Vidal",
    "Bourgeois",
    "Renaud",
    "Lemoine",
    "Picard",
    "Gaillard",
    "Lacroix",
    "Fabre",
    "Dupuis",
    "Olivier",
    "Hubert",
    "Rivière",
    "Le Gall",
    "Guillaume",
    "Moulin",
    "Berger",
    "Lecomte",
    "Fleury",
    "Deschamps",
    "Carpentier",
    "Benoit",
    "Maillard",
    "Aubry",
    "Le Roux",
    "Jacquet",
    "Poirier",
    "Charpentier",
    "Huet",
    "Baron",
    "Pons",
    "Breton",
    "Rémy",
    "Perrot",
    "Marty",
    "Haddad",
    "Benali",
    "Diallo",
    "Ferreira",
    "Kerbrat",
    "Le Bihan",
    "Etcheverry",
)

#: Gatekeepers answering the switchboard: (masculine, feminine) titles.
GATEKEEPER_TITLES: tuple[tuple[str, str], ...] = (
    ("Assistant de direction", "Assistante de direction"),
    ("Accueil", "Accueil"),
    ("Secrétaire", "Secrétaire"),
)

#: Tags beyond the sector's, and how many prospects in a hundred carry each.
EXTRA_TAGS: tuple[tuple[str, int], ...] = (
    ("recommandé", 6),
    ("salon Artisanat 2026", 8),
    ("multi-sites", 5),
    ("budget 2027", 7),
    ("chaud", 5),
)

#: Notes a call leaves, by outcome (French, as the user would type them).
CALL_NOTES: dict[str, tuple[str, ...]] = {
    "no_answer": ("", "", "Sonne dans le vide.", "Pas de réponse, rappeler le matin."),
    "voicemail": (
        "Message laissé, rappel proposé jeudi.",
        "Messagerie : message court laissé avec mon numéro.",
        "Répondeur. Je rappellerai plutôt en début d'après-midi.",
    ),
    "gatekeeper": (
        "Standard : rappeler après 14 h, la personne est en rendez-vous le matin.",
        "L'assistante prend le message et conseille de rappeler mardi.",
        "Accueil : le gérant est sur un chantier, rappeler vers 17 h.",
    ),
    "wrong_number": ("Numéro attribué à un particulier, à corriger.", "Numéro non attribué."),
    "not_interested": (
        "Pas de besoin pour l'instant, outil maison qui leur convient. Ne pas insister.",
        "Vient de signer avec un concurrent. À revoir dans un an peut-être.",
        "Pas intéressé : trop petit pour un outil, tout se fait sur papier.",
    ),
    "call_back": (
        "Intéressée mais en plein rush, demande de rappeler la semaine prochaine.",
        "En réunion, rappeler jeudi en fin de matinée.",
        "Veut en parler avec son associé d'abord, rappel demandé.",
    ),
    "conversation": (
        "Bon échange : les devis sont le vrai sujet. Envoi d'une documentation.",
        "Discussion sur les relances de paiement, 40 k€ d'impayés. Intéressé à terme.",
        "A déjà essayé un logiciel, trop compliqué. Ouvert à une démonstration courte.",
        "Le planning est leur casse-tête. Rappeler après la saison.",
    ),
    "meeting_booked": (
        "Rendez-vous pris pour une démonstration de 30 minutes.",
        "Démonstration calée avec le gérant et sa comptable.",
        "Rendez-vous sur place pour voir leur façon de faire les devis.",
    ),
}

MEETING_NOTES: tuple[str, ...] = (
    "Démonstration faite : intéressés par les devis et les relances. Proposition à envoyer.",
    "Rendez-vous sur place, visite de l'atelier. Besoin confirmé, budget au printemps.",
    "Présentation à l'équipe : bonnes questions sur le planning. Proposition demandée.",
)
EMAIL_NOTES_OUT: tuple[str, ...] = (
    "Documentation envoyée avec deux exemples de devis.",
    "Récapitulatif de l'appel et lien vers la démonstration.",
    "Proposition commerciale envoyée.",
)
EMAIL_NOTES_IN: tuple[str, ...] = (
    "Réponse : merci pour la documentation, questions sur les tarifs.",
    "Demande d'informations sur l'import de leurs clients.",
)

#: Numbers typed as they came, which no parser can dial: kept and flagged.
UNPARSED_PHONES: tuple[str, str, str] = (
    "standard, poste 214",
    "voir avec l'accueil",
    "06 .. (demander)",
)
CLIENT_REVIEW_PLACE = "Dans leurs locaux"
CLIENT_REVIEW_NOTES = "Point annuel : satisfaits, demandent le module planning."
CLIENT_REVIEW_NEXT = "Point annuel avec le client"
NOT_A_FIT_NOTES = "Hors cible : activité arrêtée ou trop petite pour un outil."
PROPOSAL_WON_NOTES = "Relance de la proposition : bon pour accord, démarrage le mois prochain."
NEXT_RETRY = "Rappeler (pas de réponse)"
NEXT_PROPOSAL = "Relancer la proposition"
NEXT_GATEKEEPER = "Rappeler : conseil du standard"
FIND_NUMBER_NOTES = "Chercher un autre numéro (site web, annuaire)."
NEXT_CALL_BACK = "Rappel demandé"
NEXT_AFTER_BROCHURE = "Rappeler après l'envoi de la documentation"
NEXT_MEETING = "Rendez-vous : démonstration"
MEETING_PLACES: tuple[str, ...] = ("Dans leurs locaux", "Visioconférence")
NEXT_AFTER_DEMO = "Reprendre contact après la démo"
NEXT_FIRST_CALL = "Premier appel : présenter l'offre"
