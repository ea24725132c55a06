<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ImportMessages</name>
    <message>
        <source>{name} is {size_mb} MB; files up to {limit_mb} MB can be imported: split it into parts</source>
        <translation>{name} fait {size_mb} Mo ; on peut importer des fichiers jusqu’à {limit_mb} Mo : découpez-le en plusieurs parties</translation>
    </message>
    <message>
        <source>{name} cannot be found: it was moved, renamed or deleted</source>
        <translation>{name} est introuvable : il a été déplacé, renommé ou supprimé</translation>
    </message>
    <message>
        <source>{name} is a folder, not a file</source>
        <translation>{name} est un dossier, pas un fichier</translation>
    </message>
    <message>
        <source>{name} cannot be opened: permission denied</source>
        <translation>{name} ne peut pas être ouvert : accès refusé</translation>
    </message>
    <message>
        <source>{name} could not be read to the end ({reason})</source>
        <translation>{name} n’a pas pu être lu jusqu’au bout ({reason})</translation>
    </message>
    <message>
        <source>{name} grew beyond {limit_mb} MB</source>
        <translation>{name} a dépassé {limit_mb} Mo pendant la lecture</translation>
    </message>
    <message>
        <source>{name} is empty</source>
        <translation>{name} est vide</translation>
    </message>
    <message>
        <source>{name} holds binary data: it is not a CSV, XLSX or vCard file</source>
        <translation>{name} contient des données binaires : ce n’est pas un fichier CSV, XLSX ou vCard</translation>
    </message>
    <message>
        <source>{name} holds a header but no rows below it</source>
        <translation>{name} contient une ligne d’en-tête mais aucune ligne en dessous</translation>
    </message>
    <message>
        <source>{column}: {value} is a number a spreadsheet cut short (digits lost): kept aside, to be replaced by a file that holds it whole</source>
        <translation>{column} : {value} est un nombre qu’un tableur a tronqué (chiffres perdus) : mis de côté, il sera remplacé par un fichier qui le contient en entier</translation>
    </message>
    <message>
        <source>phone {phone} is stored as {e164} but is in no range known to be in service: check it</source>
        <translation>le téléphone {phone} est enregistré comme {e164} mais n’est dans aucune plage connue en service : vérifiez-le</translation>
    </message>
    <message>
        <source>bytes on this line are not UTF-8 and were replaced by a mark: check its values</source>
        <translation>des octets de cette ligne ne sont pas en UTF-8 et ont été remplacés par un signe : vérifiez ses valeurs</translation>
    </message>
    <message>
        <source>nothing to import from {name}: no row holds a company, a name, an email or a phone (columns: {headers})</source>
        <translation>rien à importer de {name} : aucune ligne ne contient de société, de nom, d’e-mail ni de téléphone (colonnes : {headers})</translation>
    </message>
    <message>
        <source>this is an old Excel (.xls) workbook; save it as .xlsx or CSV, then import that</source>
        <translation>c’est un ancien classeur Excel (.xls) ; enregistrez-le au format .xlsx ou CSV, puis importez ce fichier</translation>
    </message>
    <message>
        <source>unknown format {format!r} (expected one of {formats})</source>
        <translation>format inconnu « {format} » (formats possibles : {formats})</translation>
    </message>
    <message>
        <source>unknown encoding {encoding!r}</source>
        <translation>encodage inconnu « {encoding} »</translation>
    </message>
    <message>
        <source>the delimiter must be one character, not {delimiter!r}</source>
        <translation>le séparateur doit être un seul caractère, pas « {delimiter} »</translation>
    </message>
    <message>
        <source>the XLSX file is damaged or truncated ({reason})</source>
        <translation>le fichier XLSX est endommagé ou tronqué ({reason})</translation>
    </message>
    <message>
        <source>the XLSX file cannot be read; it is damaged or not a workbook ({reason})</source>
        <translation>le fichier XLSX ne peut pas être lu ; il est endommagé ou ce n’est pas un classeur ({reason})</translation>
    </message>
    <message>
        <source>the workbook holds no sheet</source>
        <translation>le classeur ne contient aucune feuille</translation>
    </message>
    <message>
        <source>the workbook has no sheet {sheet!r} (it has {sheets})</source>
        <translation>le classeur n’a pas de feuille « {sheet} » (il a : {sheets})</translation>
    </message>
    <message>
        <source>the sheet {sheet!r} is empty</source>
        <translation>la feuille « {sheet} » est vide</translation>
    </message>
    <message>
        <source>the CSV cannot be read ({reason})</source>
        <translation>le fichier CSV ne peut pas être lu ({reason})</translation>
    </message>
    <message>
        <source>the file holds no header row and no data</source>
        <translation>le fichier ne contient ni ligne d’en-tête ni données</translation>
    </message>
    <message>
        <source>no vCard in the file (no BEGIN:VCARD line)</source>
        <translation>aucune vCard dans le fichier (pas de ligne BEGIN:VCARD)</translation>
    </message>
    <message>
        <source>the vCard file holds no contact (every card is empty)</source>
        <translation>le fichier vCard ne contient aucun contact (toutes les fiches sont vides)</translation>
    </message>
    <message>
        <source>not a vCard property, left out: {text!r}</source>
        <translation>pas une propriété vCard, laissée de côté : « {text} »</translation>
    </message>
    <message>
        <source>card not closed (no END:VCARD)</source>
        <translation>fiche non fermée (pas de END:VCARD)</translation>
    </message>
    <message>
        <source>{values} values for {columns} columns; the extra values are kept as {names}</source>
        <translation>{values} valeurs pour {columns} colonnes ; les valeurs en trop sont gardées dans {names}</translation>
    </message>
    <message>
        <source>email {email!r} is not valid, kept as an extra field</source>
        <translation>l’e-mail « {email} » n’est pas valide, gardé comme champ supplémentaire</translation>
    </message>
    <message>
        <source>phone {phone!r} not recognised, kept as typed</source>
        <translation>numéro « {phone} » non reconnu, gardé tel quel</translation>
    </message>
    <message>
        <source>{column}: a value of {length} characters is too long (at most {limit}): left out</source>
        <translation>{column} : une valeur de {length} caractères est trop longue (au plus {limit}) : laissée de côté</translation>
    </message>
    <message>
        <source>{column}: {value!r} says neither consumer nor business, kept as an extra field</source>
        <translation>{column} : « {value} » n’indique ni particulier ni professionnel, gardé comme champ supplémentaire</translation>
    </message>
    <message>
        <source>owner {owner!r} is nobody in the team (by name or email): the prospect is left without an owner</source>
        <translation>responsable « {owner} » : personne de ce nom ou de cet e-mail dans l&apos;équipe, le prospect reste sans responsable</translation>
    </message>
    <message>
        <source>no company, name, email or phone</source>
        <translation>ni société, ni nom, ni e-mail, ni téléphone</translation>
    </message>
    <message>
        <source>same company already in your prospects</source>
        <translation>même société déjà dans vos prospects</translation>
    </message>
    <message>
        <source>same company as line {line}</source>
        <translation>même société qu’à la ligne {line}</translation>
    </message>
    <message>
        <source>same name at the same company</source>
        <translation>même nom dans la même société</translation>
    </message>
    <message>
        <source>close to {name}</source>
        <translation>proche de {name}</translation>
    </message>
    <message>
        <source>same email {email} as {name} (already in your prospects)</source>
        <translation>même e-mail {email} que {name} (déjà dans vos prospects)</translation>
    </message>
    <message>
        <source>same email {email} as a contact (already in your prospects)</source>
        <translation>même e-mail {email} qu’un contact (déjà dans vos prospects)</translation>
    </message>
    <message>
        <source>same email {email} as line {line}</source>
        <translation>même e-mail {email} qu’à la ligne {line}</translation>
    </message>
    <message>
        <source>same phone {phone} as {name} (already in your prospects)</source>
        <translation>même téléphone {phone} que {name} (déjà dans vos prospects)</translation>
    </message>
    <message>
        <source>same phone {phone} as a contact (already in your prospects)</source>
        <translation>même téléphone {phone} qu’un contact (déjà dans vos prospects)</translation>
    </message>
    <message>
        <source>same phone {phone} as line {line}</source>
        <translation>même téléphone {phone} qu’à la ligne {line}</translation>
    </message>
    <message>
        <source>there is no import number {batch}</source>
        <translation>il n’y a pas d’import numéro {batch}</translation>
    </message>
    <message>
        <source>import {batch} ({file}) was already undone</source>
        <translation>l’import {batch} ({file}) a déjà été annulé</translation>
    </message>
    <message>
        <source>; </source>
        <translation> ; </translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>le quota du disque est épuisé</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>accès refusé</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>le disque est en lecture seule</translation>
    </message>
    <message>
        <source>the folder or file does not exist</source>
        <translation>le dossier ou le fichier n’existe pas</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>c’est un dossier, pas un fichier</translation>
    </message>
    <message>
        <source>{reason} ({file})</source>
        <translation>{reason} ({file})</translation>
    </message>
    <message>
        <source>line {line}: {text}</source>
        <translation>ligne {line} : {text}</translation>
    </message>
</context>
</TS>
