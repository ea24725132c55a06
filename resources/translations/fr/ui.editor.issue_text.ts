<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>IssueText</name>
    <message>
        <source>Name</source>
        <translation>Le nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>L&apos;e-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Le téléphone</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>La priorité</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>L&apos;étape</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Le pays</translation>
    </message>
    <message>
        <source>Yearly revenue</source>
        <translation>Le chiffre d&apos;affaires annuel</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Les étiquettes</translation>
    </message>
    <message>
        <source>End</source>
        <translation>La fin</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>La durée</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Le contact</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Their problems</source>
        <translation>Leurs problèmes</translation>
    </message>
    <message>
        <source>How we help them</source>
        <translation>Comment nous les aidons</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
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
        <source>Website</source>
        <translation>Le site web</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Le secteur</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>La taille</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Le code postal</translation>
    </message>
    <message>
        <source>Next action date</source>
        <translation>La date de la prochaine action</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>La prochaine action</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Particulier</translation>
    </message>
    <message>
        <source>Client since</source>
        <translation>Client depuis</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Le responsable</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>La fonction</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Le rôle</translation>
    </message>
    <message>
        <source>LinkedIn</source>
        <translation>LinkedIn</translation>
    </message>
    <message>
        <source>{field} is needed.</source>
        <translation>{field} est nécessaire.</translation>
    </message>
    <message>
        <source>{field} is too long (at most {limit} characters).</source>
        <translation>{field} est trop long (au plus {limit} caractères).</translation>
    </message>
    <message>
        <source>“{value}” does not look like an email address (name@example.com).</source>
        <translation>« {value} » ne ressemble pas à une adresse e-mail (nom@exemple.fr).</translation>
    </message>
    <message>
        <source>“{value}” is not a phone number we recognise; it is kept as typed.</source>
        <translation>« {value} » n&apos;est pas un numéro reconnu ; il est gardé tel que saisi.</translation>
    </message>
    <message>
        <source>{field}: this value is out of range.</source>
        <translation>{field} : cette valeur est hors limites.</translation>
    </message>
    <message>
        <source>Country: a two-letter code such as FR.</source>
        <translation>Pays : un code à deux lettres comme FR.</translation>
    </message>
    <message>
        <source>A contact needs at least a name, a title, a phone or an email.</source>
        <translation>Un contact a besoin au moins d&apos;un nom, d&apos;une fonction, d&apos;un téléphone ou d&apos;un e-mail.</translation>
    </message>
    <message>
        <source>This was deleted meanwhile.</source>
        <translation>Ceci a été supprimé entre-temps.</translation>
    </message>
    <message>
        <source>Someone else changed this meanwhile: nothing was saved. Your changes are still here.</source>
        <translation>Quelqu’un d’autre l’a modifié entre-temps : rien n’a été enregistré. Vos modifications sont toujours là.</translation>
    </message>
    <message>
        <source>{field}: this value cannot be used.</source>
        <translation>{field} : cette valeur ne convient pas.</translation>
    </message>
</context>
</TS>
