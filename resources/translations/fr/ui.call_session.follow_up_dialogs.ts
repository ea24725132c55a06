<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CallBackDialog</name>
    <message>
        <source>Call back later</source>
        <translation>Rappeler plus tard</translation>
    </message>
    <message>
        <source>When should you call {name} back?</source>
        <translation>Quand rappeler {name} ?</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Quand :</translation>
    </message>
    <message>
        <source>What was agreed, e.g. after the budget meeting</source>
        <translation>Ce qui a été convenu, par ex. après la réunion budgétaire</translation>
    </message>
    <message>
        <source>&amp;About:</source>
        <translation>&amp;Sujet :</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Meeting booked</source>
        <translation>Rendez-vous obtenu</translation>
    </message>
    <message>
        <source>Well done! When and where do you meet {name}?</source>
        <translation>Bravo ! Quand et où rencontrez-vous {name} ?</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Début :</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Durée :</translation>
    </message>
    <message>
        <source>Address, or video link</source>
        <translation>Adresse, ou lien de visioconférence</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Lieu :</translation>
    </message>
    <message>
        <source>Save a &amp;calendar file (.ics) for my calendar</source>
        <translation>Enregistrer un fichier d&apos;&amp;agenda (.ics) pour mon agenda</translation>
    </message>
</context>
<context>
    <name>NextStepDialog</name>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>What is the next step with {name}?</source>
        <translation>Quelle est la prochaine étape avec {name} ?</translation>
    </message>
    <message>
        <source>&amp;Schedule a next step</source>
        <translation>&amp;Planifier une prochaine étape</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Quand :</translation>
    </message>
    <message>
        <source>e.g. send the figures, then call</source>
        <translation>par ex. envoyer les chiffres, puis appeler</translation>
    </message>
    <message>
        <source>&amp;Next step:</source>
        <translation>&amp;Prochaine étape :</translation>
    </message>
</context>
</TS>
