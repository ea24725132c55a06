<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ConflictDialog</name>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Modifié par quelqu’un d’autre</translation>
    </message>
    <message>
        <source>Someone else saved {subject} while you were editing it, and changed these fields too. Nothing is saved yet: choose which value to keep for each. Your other changes, and theirs, are kept.</source>
        <translation>Quelqu’un d’autre a enregistré {subject} pendant que vous le modifiiez, et a changé ces champs aussi. Rien n’est encore enregistré : choisissez la valeur à garder pour chacun. Vos autres modifications, et les siennes, sont conservées.</translation>
    </message>
    <message>
        <source>this prospect</source>
        <translation>ce prospect</translation>
    </message>
    <message>
        <source>Theirs (saved)</source>
        <translation>La sienne (enregistrée)</translation>
    </message>
    <message>
        <source>Mine (not saved)</source>
        <translation>La mienne (non enregistrée)</translation>
    </message>
    <message>
        <source>{field}: theirs</source>
        <translation>{field} : la sienne</translation>
    </message>
    <message>
        <source>{field}: mine</source>
        <translation>{field} : la mienne</translation>
    </message>
    <message>
        <source>Save with these values</source>
        <translation>Enregistrer avec ces valeurs</translation>
    </message>
    <message>
        <source>Save nothing; your changes stay in the editor</source>
        <translation>Ne rien enregistrer ; vos modifications restent dans l’éditeur</translation>
    </message>
</context>
</TS>
