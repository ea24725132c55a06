<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ContactsPanel</name>
    <message>
        <source>No contact recorded: ask for the right person.</source>
        <extracomment>A number was chosen to dial: (contact id, phone id, tel: URI).</extracomment>
        <translation>Aucun contact enregistré : demandez la bonne personne.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>asked not to be called</source>
        <translation>ne souhaite plus être appelé</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>pas de numéro</translation>
    </message>
    <message>
        <source>{kind}: flagged as a wrong number</source>
        <translation>{kind} : signalé comme faux numéro</translation>
    </message>
    <message>
        <source>{kind}: call with your phone or softphone (Enter)</source>
        <translation>{kind} : appeler avec votre téléphone ou softphone (Entrée)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation>Copier le numéro</translation>
    </message>
    <message>
        <source>Copy {number}</source>
        <translation>Copier {number}</translation>
    </message>
</context>
</TS>
