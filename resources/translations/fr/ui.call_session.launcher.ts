<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CallLauncher</name>
    <message>
        <source>Resume your call session?</source>
        <translation>Reprendre votre session d&apos;appels ?</translation>
    </message>
    <message>
        <source>Your call session of {started} was interrupted at {n} / {total}{name}. Go on where you stopped?</source>
        <translation>Votre session d&apos;appels du {started} a été interrompue à {n} / {total}{name}. Reprendre là où vous vous étiez arrêté ?</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>End it</source>
        <translation>La terminer</translation>
    </message>
    <message>
        <source>&amp;Start calling…</source>
        <translation>&amp;Commencer à appeler…</translation>
    </message>
    <message>
        <source>Work through a batch of calls, one key per outcome</source>
        <translation>Enchaîner une série d&apos;appels, une touche par résultat</translation>
    </message>
    <message>
        <source>▶ Start calling</source>
        <translation>▶ Commencer à appeler</translation>
    </message>
    <message>
        <source>Session &amp;history…</source>
        <translation>&amp;Historique des sessions…</translation>
    </message>
    <message>
        <source>Past call sessions</source>
        <translation>Les sessions d&apos;appels passées</translation>
    </message>
    <message>
        <source>&amp;Talk tracks…</source>
        <translation>&amp;Scripts d&apos;appel…</translation>
    </message>
    <message>
        <source>Edit your call scripts</source>
        <translation>Modifier vos scripts d&apos;appel</translation>
    </message>
    <message>
        <source>Call &amp;settings…</source>
        <translation>&amp;Réglages des appels…</translation>
    </message>
    <message>
        <source>When to call again, when to give up</source>
        <translation>Quand rappeler, quand abandonner</translation>
    </message>
</context>
</TS>
