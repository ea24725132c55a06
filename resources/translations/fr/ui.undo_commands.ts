<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ProspectChange</name>
    <message>
        <source>Not redone: someone else changed these prospects since. Nothing of theirs was overwritten.</source>
        <translation>Non rétabli : quelqu’un d’autre a modifié ces prospects depuis. Rien de ses modifications n’a été écrasé.</translation>
    </message>
    <message>
        <source>Not undone: what this step changed was changed again since (a call logged, another window). Nothing was overwritten; change it back by hand if needed.</source>
        <translation>Non annulé : ce que cette étape a modifié l’a été de nouveau depuis (un appel noté, une autre fenêtre). Rien n’a été écrasé ; si besoin, remettez-le à la main.</translation>
    </message>
    <message>
        <source>Not redone: what this step changed was changed again since (a call logged, another window). Nothing was overwritten.</source>
        <translation>Non rétabli : ce que cette étape a modifié l’a été de nouveau depuis (un appel noté, une autre fenêtre). Rien n’a été écrasé.</translation>
    </message>
    <message>
        <source>Not undone: someone else changed these prospects since. Nothing of theirs was overwritten; change them back by hand if needed.</source>
        <extracomment>A change: gets the session, returns the ids of prospects it created (or None).</extracomment>
        <translation>Non annulé : quelqu’un d’autre a modifié ces prospects depuis. Rien de ses modifications n’a été écrasé ; si besoin, remettez-les à la main.</translation>
    </message>
</context>
</TS>
