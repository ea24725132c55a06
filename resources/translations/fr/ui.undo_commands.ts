<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ProspectChange</name>
    <message>
        <source>Not redone: someone else changed these prospects since. Nothing of theirs was overwritten.</source>
        <extracomment>A change: gets the session, returns the ids of prospects it created (or None).</extracomment>
        <translation>Non rétabli : quelqu’un d’autre a modifié ces prospects depuis. Rien de ses modifications n’a été écrasé.</translation>
    </message>
    <message>
        <source>Not undone: someone else changed these prospects since. Nothing of theirs was overwritten; change them back by hand if needed.</source>
        <translation>Non annulé : quelqu’un d’autre a modifié ces prospects depuis. Rien de ses modifications n’a été écrasé ; si besoin, remettez-les à la main.</translation>
    </message>
</context>
</TS>
