<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>BulkActions</name>
    <message>
        <source>Set &amp;stage</source>
        <extracomment>Above this many prospects a bulk change is not snapshotted for undo (memory, time); the user is told before it runs. A change was applied (for the status bar): a short message.</extracomment>
        <translation>Changer d&apos;é&amp;tape</translation>
    </message>
    <message>
        <source>Add &amp;tag…</source>
        <translation>Ajouter une é&amp;tiquette…</translation>
    </message>
    <message>
        <source>Tag the selected prospects</source>
        <translation>Étiqueter les prospects sélectionnés</translation>
    </message>
    <message>
        <source>Remo&amp;ve tag…</source>
        <translation>Reti&amp;rer une étiquette…</translation>
    </message>
    <message>
        <source>Take a tag off the selected prospects</source>
        <translation>Retirer une étiquette des prospects sélectionnés</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Delete the selected prospects (undo with Ctrl+Z)</source>
        <translation>Supprimer les prospects sélectionnés (annulable avec Ctrl+Z)</translation>
    </message>
    <message numerus="yes">
        <source>Set stage to {stage} (%n prospect(s))</source>
        <translation>
            <numerusform>Passer à l&apos;étape {stage} (%n prospect)</numerusform>
            <numerusform>Passer à l&apos;étape {stage} (%n prospects)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add tag {tag} (%n prospect(s))</source>
        <translation>
            <numerusform>Ajouter l&apos;étiquette {tag} (%n prospect)</numerusform>
            <numerusform>Ajouter l&apos;étiquette {tag} (%n prospects)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove tag {tag} (%n prospect(s))</source>
        <translation>
            <numerusform>Retirer l&apos;étiquette {tag} (%n prospect)</numerusform>
            <numerusform>Retirer l&apos;étiquette {tag} (%n prospects)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n prospect(s)</source>
        <translation>
            <numerusform>Supprimer %n prospect</numerusform>
            <numerusform>Supprimer %n prospects</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>Ajouter une étiquette</translation>
    </message>
    <message>
        <source>Tag to add to the selected prospects:</source>
        <translation>Étiquette à ajouter aux prospects sélectionnés :</translation>
    </message>
    <message>
        <source>Remove a tag</source>
        <translation>Retirer une étiquette</translation>
    </message>
    <message>
        <source>Tag to take off the selected prospects:</source>
        <translation>Étiquette à retirer des prospects sélectionnés :</translation>
    </message>
    <message>
        <source>Delete prospects</source>
        <translation>Supprimer des prospects</translation>
    </message>
    <message>
        <source>Their contacts and history are deleted too. You can undo this with Ctrl+Z.</source>
        <translation>Leurs contacts et leur historique sont supprimés aussi. Vous pouvez annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>A very large change</source>
        <translation>Une très grosse modification</translation>
    </message>
</context>
</TS>
