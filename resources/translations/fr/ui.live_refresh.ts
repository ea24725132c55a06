<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>LiveRefresh</name>
    <message>
        <source>Connected to the team server again</source>
        <extracomment>From the feed&apos;s thread, queued to the GUI thread. The server became unreachable (False) or reachable again (True). A batch of colleagues&apos; changes was applied (the ChangeBatch). Whether the server is reachable, as last heard (True until told otherwise).</extracomment>
        <translation>De nouveau connecté au serveur d’équipe</translation>
    </message>
    <message>
        <source>The team server cannot be reached</source>
        <translation>Le serveur d’équipe est injoignable</translation>
    </message>
    <message>
        <source>The team server does not answer, so nothing can be changed for now: nothing was saved. What is on the screen stays readable, and your unsaved edits are kept. Prospection reconnects by itself; try again once the banner is gone.</source>
        <translation>Le serveur d’équipe ne répond pas : rien ne peut être modifié pour l’instant, et rien n’a été enregistré. Ce qui est à l’écran reste lisible, et vos modifications non enregistrées sont gardées. Prospection se reconnecte tout seul ; réessayez quand le bandeau aura disparu.</translation>
    </message>
</context>
</TS>
