<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>NextActionChoice</name>
    <message>
        <source>(nothing planned)</source>
        <translation>(rien de prévu)</translation>
    </message>
    <message>
        <source>{text} (no date)</source>
        <translation>{text} (sans date)</translation>
    </message>
</context>
<context>
    <name>NextActionChoiceDialog</name>
    <message>
        <source>Next action changed during the call</source>
        <translation>Prochaine action modifiée pendant l’appel</translation>
    </message>
    <message>
        <source>The call to {name} is saved. During it, someone else planned another next action. Which one should stay?</source>
        <translation>L’appel à {name} est enregistré. Pendant ce temps, quelqu’un d’autre a prévu une autre prochaine action. Laquelle garder ?</translation>
    </message>
    <message>
        <source>Theirs (saved):</source>
        <translation>La sienne (enregistrée) :</translation>
    </message>
    <message>
        <source>Yours (this call):</source>
        <translation>La vôtre (cet appel) :</translation>
    </message>
    <message>
        <source>Enter: use yours. Esc: keep theirs.</source>
        <translation>Entrée : garder la vôtre. Échap : garder la sienne.</translation>
    </message>
    <message>
        <source>Use &amp;yours</source>
        <translation>Garder la &amp;vôtre</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Garder la &amp;sienne</translation>
    </message>
</context>
</TS>
