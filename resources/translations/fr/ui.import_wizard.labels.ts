<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ImportLabels</name>
    <message>
        <source>Keep as extra field</source>
        <translation>Garder comme champ supplémentaire</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Téléphone professionnel</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Portable</translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Home phone</source>
        <translation>Téléphone personnel</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>Autre téléphone</translation>
    </message>
    <message>
        <source>LinkedIn</source>
        <translation>LinkedIn</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Pains</source>
        <translation>Difficultés</translation>
    </message>
    <message>
        <source>Pitch</source>
        <translation>Argumentaire</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Consumer (yes/no)</source>
        <translation>Particulier (oui/non)</translation>
    </message>
    <message>
        <source>Owner (a colleague&apos;s name or email)</source>
        <translation>Responsable (nom ou e-mail d&apos;un collègue)</translation>
    </message>
    <message>
        <source>New prospect</source>
        <translation>Nouveau prospect</translation>
    </message>
    <message>
        <source>New contact at a known prospect</source>
        <translation>Nouveau contact chez un prospect connu</translation>
    </message>
    <message>
        <source>Duplicate, merged</source>
        <translation>Doublon, fusionné</translation>
    </message>
    <message>
        <source>Possible duplicate: confirm</source>
        <translation>Doublon possible : à confirmer</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Invalide</translation>
    </message>
    <message>
        <source>New prospects</source>
        <translation>Nouveaux prospects</translation>
    </message>
    <message>
        <source>New contacts at known prospects</source>
        <translation>Nouveaux contacts chez des prospects connus</translation>
    </message>
    <message>
        <source>Duplicates merged</source>
        <translation>Doublons fusionnés</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Doublons possibles</translation>
    </message>
    <message>
        <source>Invalid rows</source>
        <translation>Lignes invalides</translation>
    </message>
    <message>
        <source>Prospection export</source>
        <translation>Export de Prospection</translation>
    </message>
    <message>
        <source>vCard</source>
        <translation>vCard</translation>
    </message>
    <message>
        <source>Microsoft Outlook (English)</source>
        <translation>Microsoft Outlook (anglais)</translation>
    </message>
    <message>
        <source>Microsoft Outlook (French)</source>
        <translation>Microsoft Outlook (français)</translation>
    </message>
    <message>
        <source>Microsoft Outlook (German)</source>
        <translation>Microsoft Outlook (allemand)</translation>
    </message>
    <message>
        <source>Google Contacts</source>
        <translation>Google Contacts</translation>
    </message>
    <message>
        <source>LinkedIn connections</source>
        <translation>Relations LinkedIn</translation>
    </message>
    <message>
        <source>HubSpot contacts</source>
        <translation>Contacts HubSpot</translation>
    </message>
    <message>
        <source>Pipedrive people</source>
        <translation>Personnes Pipedrive</translation>
    </message>
    <message>
        <source>Pipedrive organisations</source>
        <translation>Organisations Pipedrive</translation>
    </message>
    <message>
        <source>INSEE SIRENE register</source>
        <translation>Répertoire SIRENE de l’Insee</translation>
    </message>
    <message>
        <source>Other (recognised by column names)</source>
        <translation>Autre (reconnu par les noms de colonnes)</translation>
    </message>
</context>
</TS>
