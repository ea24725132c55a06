<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>TalkTrackEditor</name>
    <message>
        <source>Talk tracks</source>
        <translation>Scripts d&apos;appel</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Restore the default</source>
        <translation>&amp;Rétablir le script par défaut</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;om :</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Use this track in call sessions</source>
        <translation>Utiliser ce script pendant les sessions d&apos;appels</translation>
    </message>
    <message>
        <source>The first sentences: who you are, why you call.</source>
        <translation>Les premières phrases : qui vous êtes, pourquoi vous appelez.</translation>
    </message>
    <message>
        <source>&amp;Opener:</source>
        <translation>&amp;Accroche :</translation>
    </message>
    <message>
        <source>Questions to understand their problems.</source>
        <translation>Des questions pour comprendre leurs problèmes.</translation>
    </message>
    <message>
        <source>&amp;Questions:</source>
        <translation>&amp;Questions :</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Add an objection</source>
        <translation>Ajouter une objection</translation>
    </message>
    <message>
        <source>Remove the objection</source>
        <translation>Retirer l&apos;objection</translation>
    </message>
    <message>
        <source>Give the track a name.</source>
        <translation>Donnez un nom au script.</translation>
    </message>
    <message>
        <source>New talk track</source>
        <translation>Nouveau script</translation>
    </message>
</context>
</TS>
