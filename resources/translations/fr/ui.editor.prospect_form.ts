<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ProspectForm</name>
    <message>
        <source>Company (or person) name</source>
        <translation>Nom de l&apos;entreprise (ou de la personne)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>No priority</source>
        <translation>Sans priorité</translation>
    </message>
    <message>
        <source>How much this prospect matters to you</source>
        <translation>L&apos;importance de ce prospect pour vous</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Étiquettes, séparées par des virgules</translation>
    </message>
    <message>
        <source>What gets in their way? What do they need? (ask, then write it)</source>
        <translation>Qu&apos;est-ce qui les gêne ? De quoi ont-ils besoin ? (demandez, puis notez)</translation>
    </message>
    <message>
        <source>How does your offer help them, in their words?</source>
        <translation>Comment votre offre les aide-t-elle, avec leurs mots ?</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <source>e.g. Call back after the trade fair</source>
        <translation>p. ex. Rappeler après le salon</translation>
    </message>
    <message>
        <source>e.g. 10-49 staff</source>
        <translation>p. ex. 10 à 49 salariés</translation>
    </message>
    <message>
        <source>Two-letter country code, such as FR or BE</source>
        <translation>Code pays à deux lettres, comme FR ou BE</translation>
    </message>
    <message>
        <source>A consumer (not a business)</source>
        <translation>Un particulier (pas une entreprise)</translation>
    </message>
    <message>
        <source>Calls to consumers follow stricter rules in France: hours, frequency, and prior consent since August 2026</source>
        <translation>En France, les appels aux particuliers suivent des règles plus strictes : horaires, fréquence, et consentement préalable depuis août 2026</translation>
    </message>
    <message>
        <source>Client since</source>
        <translation>Client depuis le</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Anything worth remembering</source>
        <translation>Tout ce qui mérite d&apos;être retenu</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>The colleague in charge of this prospect</source>
        <translation>Le collègue chargé de ce prospect</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <source>Added by hand</source>
        <translation>Ajouté à la main</translation>
    </message>
    <message>
        <source>Added by hand on {day}</source>
        <translation>Ajouté à la main le {day}</translation>
    </message>
    <message>
        <source>Imported from a file on {day}</source>
        <translation>Importé d&apos;un fichier le {day}</translation>
    </message>
    <message>
        <source>Demo data, created on {day}</source>
        <translation>Données de démonstration, créées le {day}</translation>
    </message>
    <message>
        <source>Added from the command line on {day}</source>
        <translation>Ajouté en ligne de commande le {day}</translation>
    </message>
    <message>
        <source>Source: {source}, on {day}</source>
        <translation>Source : {source}, le {day}</translation>
    </message>
</context>
</TS>
